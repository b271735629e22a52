using HealingNetwork.Directory.Domain;
using HealingNetwork.Matching.Domain;

namespace HealingNetwork.Matching.Tests.Properties;

/// <summary>Over thousands of seeded random pairs, HardFilters agrees with the written rules.</summary>
public sealed class HardFilterPropertyTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_pair_the_hard_filters_let_through_satisfies_every_hard_rule(int seed)
    {
        var listings = SyntheticListings.Generate(2000, seed, Now).ToArray();
        var profiles = new RandomProfiles(seed, listings);
        var random = new Random(seed);
        var passed = 0;

        foreach (var listing in listings)
        {
            var profile = profiles.Next();
            // Near pairs too, not only strangers: half the time the profile lives by this listing.
            if (random.NextDouble() < 0.5 && profile.Home is { } home)
            {
                home.Lat = listing.Locations[0].Lat + (random.NextDouble() - 0.5) * 0.2;
                home.Lon = listing.Locations[0].Lon + (random.NextDouble() - 0.5) * 0.2;
            }
            var includeInfeasible = random.NextDouble() < 0.15;
            var distance = profile.Home is null ? -1 : HardRules.NearestKm(profile, listing);

            // Whether the practitioner comes to the client is the Directory's to say (SearchResult.visits_you); its own tests hold it to the haversine.
            var violation = HardFilters.Violation(profile, listing, distance, profile.MaxTravelKm, includeInfeasible, visitsYou: HardRules.ComesHome(profile, listing));
            var broken = HardRules.Broken(profile, listing, profile.MaxTravelKm, includeInfeasible);

            if (violation is null)
            {
                passed++;
                Assert.True(broken.Count == 0, $"'{listing.DisplayName}' passed the filters but breaks: {string.Join(", ", broken)}");
            }
            else
            {
                Assert.True(broken.Count > 0, $"'{listing.DisplayName}' was refused ({violation}) though it breaks no rule");
            }
        }
        Assert.InRange(passed, 20, listings.Length - 200);
    }
}

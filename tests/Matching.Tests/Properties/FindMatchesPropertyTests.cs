using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Tests.Api;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Properties;

/// <summary>
/// Hundreds of stored synthetic listings, dozens of random profiles, the whole FindMatches path
/// (search pushdown, re-check, scoring): no returned match may break a hard rule.
/// </summary>
[Collection(MatchingSystemCollection.Name)]
public sealed class FindMatchesPropertyTests(MatchingSystem fixture)
{
    private const int Listings = 400;
    private const int Profiles = 30;

    [Fact]
    public async Task No_match_for_any_random_profile_breaks_a_hard_rule()
    {
        var system = fixture.System;
        var listings = SyntheticListings.Generate(Listings, seed: 7).ToArray();
        await ImportAsync(system, listings);
        var random = new Random(7);
        var profiles = new RandomProfiles(7, listings);
        var matched = 0;

        for (var i = 0; i < Profiles; i++)
        {
            var user = $"property-client-{Guid.NewGuid():N}";
            var profile = await system.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profiles.Next() }, Tokens.As(user));
            var filters = new MatchFilters
            {
                IncludeInfeasibleTerms = random.NextDouble() < 0.2,
                MaxTravelKm = random.NextDouble() < 0.2 ? random.Next(5, 150) : 0,
            };
            var maxTravel = filters.MaxTravelKm > 0 ? filters.MaxTravelKm : profile.MaxTravelKm;

            var response = await system.Matching.FindMatchesAsync(
                new FindMatchesRequest { ProfileId = profile.Id, PageSize = 100, Filters = filters }, Tokens.As(user));

            foreach (var match in response.Matches)
            {
                var broken = HardRules.Broken(profile, match.Listing, maxTravel, filters.IncludeInfeasibleTerms);
                Assert.True(broken.Count == 0, $"profile {i} got '{match.Listing.DisplayName}', which breaks: {string.Join(", ", broken)}");
                Assert.InRange(match.Score, 0, 1);
            }
            matched += response.Matches.Count;
        }
        Assert.True(matched > Profiles, $"only {matched} matches over {Profiles} profiles: the property would be vacuous");
    }

    private static async Task ImportAsync(TestSystem system, IEnumerable<Listing> listings)
    {
        using var call = system.Directory.ImportListings(Tokens.As("synthetic-practices"));
        foreach (var listing in listings) await call.RequestStream.WriteAsync(new ImportListingsRequest { Listing = listing });
        await call.RequestStream.CompleteAsync();
        var response = await call;
        Assert.Equal(Listings, response.Imported);
    }
}

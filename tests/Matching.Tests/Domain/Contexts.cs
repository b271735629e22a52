using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain;

/// <summary>Match contexts built from the realistic samples, changed one thing at a time.</summary>
internal static class Contexts
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    public static MatchContext For(
        Profile? profile = null, Listing? listing = null, double distanceKm = 2, DateTimeOffset? slot = null,
        IEnumerable<string>? careTeam = null) =>
        new(profile ?? Samples.NatureClient(), listing ?? WithId(Samples.Naturopath(), "naturopath"), distanceKm, slot, Now,
            (careTeam ?? []).ToHashSet(StringComparer.Ordinal));

    public static Listing WithId(Listing listing, string id)
    {
        listing.Id = id;
        return listing;
    }

    /// <summary>A listing with no approach signals, tags or terms beyond a plain fee.</summary>
    public static Listing Plain(string id = "plain") => new()
    {
        Id = id,
        DisplayName = "Plain practice",
        Modalities = { "massage-therapy" },
        Orientation = Orientation.Integrative,
        Terms = new ExchangeTerms { Currency = "USD", FeeMin = 8000, FeeMax = 8000 },
        Languages = { "en" },
        AcceptingNewClients = true,
    };
}

using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// Realistic, reproducible practitioner listings for demos, tests and benchmarks. The same seed
/// (and <c>now</c>) gives the same listings on every machine. Server-assigned fields (id,
/// owner_id, etag, create/update time, stale) are left empty for the service to fill in.
/// </summary>
public static class SyntheticListings
{
    /// <summary>The lifestyle tags generated listings draw from.</summary>
    public static IReadOnlyList<string> LifestyleTags { get; } =
    [
        "organic-food", "herbs-first", "plant-based", "daily-movement", "meditation",
        "spiritual-practice", "nature-time", "minimal-medication", "whole-foods", "fasting",
        "community", "gardening", "sleep-hygiene", "breathwork", "cold-exposure",
        "seasonal-eating", "journaling", "sauna", "prayer", "low-sugar",
    ];

    /// <summary>The barter and trade categories generated listings accept.</summary>
    public static IReadOnlyList<string> BarterCategories { get; } =
    [
        "produce", "eggs", "carpentry", "childcare", "web-design", "bookkeeping",
        "cleaning", "art", "music-lessons", "car-repair", "sewing", "massage-trade",
    ];

    /// <summary>
    /// Generates <paramref name="count"/> listings lazily. Each enumeration starts again from
    /// <paramref name="seed"/>, so enumerating twice gives the same listings.
    /// </summary>
    /// <param name="now">The instant last-confirmed times are measured back from (0..150 days, so
    /// some listings are stale). Defaults to the current time; pass it for fully repeatable output.</param>
    public static IEnumerable<Listing> Generate(int count, int seed = 42, DateTimeOffset? now = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // Resolved here, not inside the iterator, so a lazily enumerated sequence does not drift.
        return Enumerate(count, seed, now ?? DateTimeOffset.UtcNow);
    }

    private static IEnumerable<Listing> Enumerate(int count, int seed, DateTimeOffset now)
    {
        var factory = new SyntheticListingFactory(seed, now);
        for (var i = 0; i < count; i++)
        {
            yield return factory.Next();
        }
    }
}

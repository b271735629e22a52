using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Benchmarks;

/// <summary>
/// The Directory's own synthetic generator with a fixed seed and clock, plus the ids the service
/// would assign, so every mode and every run measures the same listings.
/// </summary>
public static class BenchListings
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    public static Listing[] Generate(int count) =>
        SyntheticListings.Generate(count, seed: 42, now: Now)
            .Select((listing, i) =>
            {
                listing.Id = $"bench-{i:D6}";
                listing.OwnerId = "bench";
                return listing;
            })
            .ToArray();
}

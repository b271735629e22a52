using BenchmarkDotNet.Attributes;
using HealingNetwork.Directory.Api;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using NodaTime;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>
/// The Directory's share of GetEarliestSlots for the 40 listings one FindMatches asks about: a
/// slot calculator per listing from its stored weekly hours (parsing every window), then its first
/// four slots from now, as <see cref="OpenSlotReader.EarliestAsync"/> takes them before asking the
/// store which are taken.
/// </summary>
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private (Listing Listing, WeeklyAvailability Schedule)[] _listings = [];
    private readonly Instant _from = Instant.FromDateTimeOffset(BenchListings.Now);

    [GlobalSetup]
    public void Setup() =>
        _listings = BenchListings.Generate(40).Select(l => (l, SyntheticSchedules.For(l))).ToArray();

    [Benchmark(Description = "Earliest 4 slots of 40 listings (calculator each)")]
    public int FirstSlots40()
    {
        var found = 0;
        foreach (var (listing, schedule) in _listings)
        {
            using var slots = OpenSlotReader.Calculator(listing, schedule).Slots(_from, _from + Duration.FromDays(14)).GetEnumerator();
            found += OpenSlotReader.Take(slots, 4).Count;
        }
        return found;
    }
}

using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using NodaTime;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// A listing's open slots: the weekly hours expanded by <see cref="SlotCalculator"/>, minus
/// held and booked slots, checked in chunks of one batched store read each. Shared by
/// availability, the calendar feed and the FHIR export, so they never disagree.
/// </summary>
public sealed class OpenSlotReader(IAvailabilityStore store)
{
    /// <summary>At most <paramref name="limit"/> open slots starting in [from, to), in time order.</summary>
    public Task<IReadOnlyList<OpenSlot>> OpenAsync(Listing listing, WeeklyAvailability schedule, Instant from, Instant to, int limit, CancellationToken ct) =>
        OpenAsync(listing.Id, Calculator(listing, schedule).Slots(from, to), limit, ct);

    /// <summary>Candidates minus held and booked slots, up to <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<OpenSlot>> OpenAsync(string listingId, IEnumerable<OpenSlot> candidates, int limit, CancellationToken ct)
    {
        var open = new List<OpenSlot>();
        using var next = candidates.GetEnumerator();
        while (open.Count < limit)
        {
            var chunk = Take(next, Math.Clamp(limit - open.Count, 64, 2048));
            if (chunk.Count == 0) break;
            var taken = (await store.TakenAsync([(listingId, chunk.Select(s => s.StartUnixSeconds).ToArray())], ct))[0];
            open.AddRange(chunk.Where((_, i) => !taken[i]).Take(limit - open.Count));
            if (chunk.Count < 64) break;
        }
        return open;
    }

    public static SlotCalculator Calculator(Listing listing, WeeklyAvailability schedule) =>
        new(schedule, DateTimeZoneProviders.Tzdb.GetZoneOrNull(listing.TimeZone) ?? DateTimeZone.Utc);

    public static List<OpenSlot> Take(IEnumerator<OpenSlot> source, int count)
    {
        var chunk = new List<OpenSlot>(Math.Min(count, 2048));
        while (chunk.Count < count && source.MoveNext()) chunk.Add(source.Current);
        return chunk;
    }
}

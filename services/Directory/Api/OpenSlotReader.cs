using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using NodaTime;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// A listing's open slots: the weekly hours expanded by <see cref="SlotCalculator"/>, minus
/// slots that overlap a hold or booking or lie within the schedule's buffer of one (a booking from
/// another window, place or telehealth, can sit right beside a slot), checked in chunks of one batched
/// store read each. Shared by availability, the calendar feed and the FHIR export, so they never disagree.
/// </summary>
public sealed class OpenSlotReader(IAvailabilityStore store)
{
    /// <summary>At most <paramref name="limit"/> open slots starting in [from, to), in time order.</summary>
    public Task<IReadOnlyList<OpenSlot>> OpenAsync(Listing listing, WeeklyAvailability schedule, Instant from, Instant to, int limit, CancellationToken ct) =>
        OpenAsync(listing.Id, Calculator(listing, schedule).Slots(from, to), schedule.BufferMinutes, limit, ct);

    /// <summary>Candidates minus slots overlapping a hold or booking or within <paramref name="bufferMinutes"/> of one, up to <paramref name="limit"/>.</summary>
    private async Task<IReadOnlyList<OpenSlot>> OpenAsync(string listingId, IEnumerable<OpenSlot> candidates, int bufferMinutes, int limit, CancellationToken ct)
    {
        var open = new List<OpenSlot>();
        using var next = candidates.GetEnumerator();
        while (open.Count < limit)
        {
            var chunk = Take(next, Math.Clamp(limit - open.Count, 64, 2048));
            if (chunk.Count == 0) break;
            var taken = (await store.TakenAsync([(listingId, Spans(chunk, bufferMinutes))], ct))[0];
            open.AddRange(chunk.Where((_, i) => !taken[i]).Take(limit - open.Count));
            if (chunk.Count < 64) break;
        }
        return open;
    }

    /// <summary>
    /// The earliest open slot in [from, to) of each listing in <paramref name="ids"/> that publishes
    /// availability (<c>Earliest</c>), and the listings that publish hours but have no open slot in
    /// that range (<c>NoneOpen</c>: booked out or closed); a listing that publishes no hours, or does
    /// not exist, is in neither. A client ranking practitioners needs the two apart: "no hours
    /// published" is unknown, "nothing open" is known to be the worst availability. Both come from the
    /// same reads: schedules first, so only listings with one are looked up (<paramref name="zones"/>,
    /// for their time zone); then rounds of one batched read for every listing still looking, each
    /// checking more candidates (4, 16, 64, ...), so a mostly open calendar costs one round trip, and a
    /// listing whose candidates run out is the one with none open. Used by GetEarliestSlots and by
    /// SearchListings with include_earliest_slot, so both give the same answer.
    /// </summary>
    /// <param name="zones">Each given listing's IANA time zone, in order; null where the listing is missing.</param>
    public async Task<(Dictionary<string, Slot> Earliest, List<string> NoneOpen)> EarliestAsync(
        IReadOnlyList<string> ids, Func<IReadOnlyList<string>, Task<IReadOnlyList<string?>>> zones,
        Instant from, Instant to, CancellationToken ct)
    {
        var earliest = new Dictionary<string, Slot>(StringComparer.Ordinal);
        var noneOpen = new List<string>();
        if (ids.Count == 0) return (earliest, noneOpen);
        var schedules = await store.GetSchedulesAsync(ids, ct);
        var published = Enumerable.Range(0, ids.Count).Where(i => schedules[i] is not null).ToArray();
        if (published.Length == 0) return (earliest, noneOpen);
        var found = await zones(published.Select(i => ids[i]).ToArray());
        var pending = new List<((string Id, string TimeZone) Zone, int Buffer, IEnumerator<OpenSlot> Candidates)>();
        for (var k = 0; k < published.Length; k++)
            if (found[k] is { } zone)
            {
                var schedule = schedules[published[k]]!;
                pending.Add(((ids[published[k]], zone), schedule.BufferMinutes, Calculator(zone, schedule).Slots(from, to).GetEnumerator()));
            }

        for (var take = 4; pending.Count > 0; take *= 4)
        {
            var chunks = pending.Select(p => Take(p.Candidates, take)).ToArray();
            var taken = await store.TakenAsync(
                pending.Select((p, i) => (p.Zone.Id, Spans(chunks[i], p.Buffer))).ToArray(), ct);
            var next = new List<((string, string), int, IEnumerator<OpenSlot>)>();
            for (var i = 0; i < pending.Count; i++)
            {
                var firstOpen = chunks[i].Where((_, k) => !taken[i][k]).Select(s => (OpenSlot?)s).FirstOrDefault();
                if (firstOpen is { } slot) earliest[pending[i].Zone.Id] = ToProto(pending[i].Zone.Id, pending[i].Zone.TimeZone, slot);
                else if (chunks[i].Count == take) next.Add(pending[i]);
                else
                {
                    noneOpen.Add(pending[i].Zone.Id);
                    pending[i].Candidates.Dispose();
                }
            }
            pending = next;
        }
        return (earliest, noneOpen);
    }

    /// <summary>
    /// Each slot widened by the buffer on both sides: a hold or booking overlapping the widened span
    /// overlaps the slot or leaves less than the buffer between them (the rule the hold script applies).
    /// </summary>
    private static IReadOnlyList<(long Start, long End)> Spans(List<OpenSlot> slots, int bufferMinutes)
    {
        var buffer = bufferMinutes * 60L;
        var spans = new (long, long)[slots.Count];
        for (var i = 0; i < spans.Length; i++) spans[i] = (slots[i].StartUnixSeconds - buffer, slots[i].End.ToUnixTimeSeconds() + buffer);
        return spans;
    }

    /// <summary>The API form of an open slot of <paramref name="listing"/>.</summary>
    public static Slot ToProto(Listing listing, OpenSlot slot) => ToProto(listing.Id, listing.TimeZone, slot);

    private static Slot ToProto(string listingId, string timeZone, OpenSlot slot) => new()
    {
        ListingId = listingId,
        StartTime = Timestamp.FromDateTimeOffset(slot.Start.ToDateTimeOffset()),
        EndTime = Timestamp.FromDateTimeOffset(slot.End.ToDateTimeOffset()),
        LocalStart = slot.LocalStart,
        TimeZone = timeZone,
        LocationIndex = slot.LocationIndex,
    };

    public static SlotCalculator Calculator(Listing listing, WeeklyAvailability schedule) => Calculator(listing.TimeZone, schedule);

    /// <summary>The slot of <paramref name="listing"/>'s hours that starts at <paramref name="start"/>, if they offer one (taken or not).</summary>
    public static OpenSlot? SlotAt(Listing listing, WeeklyAvailability? schedule, Instant start) =>
        schedule is null ? null
            : Calculator(listing, schedule).Slots(start, start + Duration.FromTicks(1)).Select(s => (OpenSlot?)s).FirstOrDefault();

    private static SlotCalculator Calculator(string timeZone, WeeklyAvailability schedule) =>
        new(schedule, LocalClock.Zone(timeZone));

    public static List<OpenSlot> Take(IEnumerator<OpenSlot> source, int count)
    {
        var chunk = new List<OpenSlot>(Math.Min(count, 2048));
        while (chunk.Count < count && source.MoveNext()) chunk.Add(source.Current);
        return chunk;
    }
}

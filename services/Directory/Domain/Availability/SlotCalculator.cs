using HealingNetwork.Directory.V1;
using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// Expands weekly windows and exceptions, written in the practitioner's wall-clock time, into
/// bookable slots in UTC. Each window yields sessions of <c>session_minutes</c> separated by
/// <c>buffer_minutes</c>, stepped in local time so a 09:00 session stays at 09:00 across a DST
/// change. Around DST changes:
/// - a local start that does not exist (spring-forward gap) is skipped;
/// - an ambiguous local start (fall-back overlap) takes the earlier offset, so it is produced once;
/// - a session lasts its real elapsed length, and a session that would overlap the previous one
///   of its window (only possible when a gap shortens the night) is dropped;
/// - no start instant is produced twice, even by windows of different locations.
/// A CLOSED exception removes the whole local date (extra hours included); EXTRA_HOURS add a window.
/// Windows are expanded independently, so slots of two windows (two places, a place and telehealth)
/// may sit closer than the buffer, or overlap: both are offered until one is held or booked, and then
/// the other is not (<c>OpenSlotReader</c> and the hold script keep the buffer around every session).
/// </summary>
public sealed class SlotCalculator
{
    private readonly DateTimeZone _zone;
    private readonly Duration _session;
    private readonly Period _sessionLocal;
    private readonly Period _step;
    private readonly ILookup<IsoDayOfWeek, Window> _weekly;
    private readonly HashSet<LocalDate> _closed = [];
    private readonly ILookup<LocalDate, Window> _extra;

    private static readonly Duration SkipMargin = Duration.FromHours(6);

    /// <summary>A window's local start and length (its end may be "24:00", midnight of the next date).</summary>
    private readonly record struct Window(LocalTime Start, Period Length, int Location);

    public SlotCalculator(WeeklyAvailability schedule, DateTimeZone zone)
    {
        _zone = zone;
        _session = Duration.FromMinutes(schedule.SessionMinutes);
        _sessionLocal = Period.FromMinutes(schedule.SessionMinutes);
        _step = Period.FromMinutes(schedule.SessionMinutes + schedule.BufferMinutes);
        _weekly = schedule.Windows
            .Select(w => (Day: WeeklySchedule.ToIsoDay(w.Weekday), Window: Parse(w.Start, w.End, w.LocationIndex)))
            .Where(w => w.Day is not null && w.Window is not null)
            .ToLookup(w => w.Day!.Value, w => w.Window!.Value);
        var extra = new List<(LocalDate, Window)>();
        foreach (var e in schedule.Exceptions)
        {
            if (LocalClock.ParseDate(e.Date) is not { } date) continue;
            if (e.Kind == ExceptionKind.Closed) _closed.Add(date);
            else if (e.Kind == ExceptionKind.ExtraHours && Parse(e.Start, e.End, e.LocationIndex) is { } w) extra.Add((date, w));
        }
        _extra = extra.ToLookup(x => x.Item1, x => x.Item2);
    }

    public DateTimeZone Zone => _zone;

    /// <summary>Slots starting in [from, to), in time order. Lazy: stop reading when you have enough.</summary>
    public IEnumerable<OpenSlot> Slots(Instant from, Instant to)
    {
        if (_session <= Duration.Zero || to <= from) yield break;
        // One local day either side: a slot on a neighbouring local date can start inside the range.
        var firstDate = from.InZone(_zone).Date.PlusDays(-1);
        var lastDate = to.InZone(_zone).Date.PlusDays(1);
        var lastEmitted = Instant.MinValue;
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            foreach (var slot in SlotsOn(date, from))
            {
                // Local-to-UTC mapping is monotonic (gaps skipped, overlaps take the earlier offset),
                // so slots arrive in time order and a repeated instant can only be the previous one.
                if (slot.Start <= lastEmitted || slot.Start < from || slot.Start >= to) continue;
                lastEmitted = slot.Start;
                yield return slot;
            }
        }
    }

    /// <summary>
    /// The slots of one local date in time order (then by location). Search asks for the earliest
    /// slot of every hit, so this runs for every candidate: a plain list, sorted only when more than
    /// one window falls on the date.
    /// </summary>
    private List<OpenSlot> SlotsOn(LocalDate date, Instant from)
    {
        var slots = new List<OpenSlot>();
        if (_closed.Contains(date)) return slots;
        var windows = 0;
        foreach (var w in _weekly[date.DayOfWeek]) windows += AddSlotsIn(date, w, from, slots);
        foreach (var w in _extra[date]) windows += AddSlotsIn(date, w, from, slots);
        if (windows > 1) slots.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.LocationIndex.CompareTo(b.LocationIndex));
        return slots;
    }

    /// <summary>Adds the window's slots on <paramref name="date"/>; 0 when the whole window ends before <paramref name="from"/> (skipped), else 1.</summary>
    private int AddSlotsIn(LocalDate date, Window window, Instant from, List<OpenSlot> slots)
    {
        var end = date + window.Start + window.Length;
        // A window that ended well before `from` has nothing to give (the earliest slot of a search
        // hit is asked for from now, and the expansion starts a day early). The margin covers an
        // ambiguous end mapped to its earlier offset: fall-back overlaps are an hour or two.
        if (_zone.AtLeniently(end).ToInstant() + SkipMargin <= from) return 0;
        var previousEnd = Instant.MinValue;
        for (var local = date + window.Start; local + _sessionLocal <= end; local += _step)
        {
            var mapping = _zone.MapLocal(local);
            if (mapping.Count == 0) continue; // in a spring-forward gap: this wall-clock time never happens
            var start = mapping.First(); // fall-back overlap: the earlier offset
            if (start.ToInstant() < previousEnd) continue;
            previousEnd = start.ToInstant() + _session;
            slots.Add(new OpenSlot(start.ToInstant(), previousEnd, start.Offset, window.Location));
        }
        return 1;
    }

    private static Window? Parse(string start, string end, int location) =>
        LocalClock.ParseTime(start) is { } s && LocalClock.ParseEndMinute(end) is { } e && e > s.Hour * 60 + s.Minute
            ? new Window(s, Period.FromMinutes(e - s.Hour * 60 - s.Minute), location)
            : null;
}

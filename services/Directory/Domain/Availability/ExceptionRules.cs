using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Validation;
using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>Rules for one closed day or extra hours on a local date.</summary>
public static class ExceptionRules
{
    public const int MaxExceptions = 500;
    public const int MaxNoteLength = 200;

    /// <param name="today">Today's date in the listing's time zone (<see cref="LocalClock.Today"/>).</param>
    /// <param name="sessionMinutes">The session length of the listing's weekly hours, when it has them: extra hours shorter than one session would never offer a slot.</param>
    /// <param name="telehealth">Whether the listing offers telehealth: only then may extra hours be telehealth (-1).</param>
    public static void Validate(AvailabilityException exception, int locationCount, LocalDate today, Violations v, string prefix = "exception.", int? sessionMinutes = null, bool telehealth = true)
    {
        // The same calendar window as slot queries: year 0000 parses as ISO but is no day anyone books.
        if (LocalClock.ParseDate(exception.Date) is not { } date || date.Year < 1970 || date.Year >= 2200)
            v.Add(prefix + "date", "must be a local date \"yyyy-MM-dd\" between 1970 and 2199");
        // A past day has no slots to close or add, so an exception there is a mistake (a wrong year, a
        // form left open overnight) that would sit among the 500 allowed and never mean anything.
        // Today is allowed: its remaining hours can still be closed or extended.
        else if (date < today)
            v.Add(prefix + "date", $"must not be before today ({LocalClock.FormatDate(today)} in the listing's time zone)");
        FieldRules.Text(v, prefix + "note", exception.Note, MaxNoteLength);
        switch (exception.Kind)
        {
            case ExceptionKind.Closed:
                if (exception.Start.Length > 0) v.Add(prefix + "start", "must be empty for a closed day");
                if (exception.End.Length > 0) v.Add(prefix + "end", "must be empty for a closed day");
                break;
            case ExceptionKind.ExtraHours:
                WeeklySchedule.ValidateSpan(exception.Start, exception.End, v, prefix.TrimEnd('.'), sessionMinutes);
                WeeklySchedule.ValidateLocation(exception.LocationIndex, locationCount, telehealth, v, prefix + "location_index");
                break;
            default:
                v.Add(prefix + "kind", "must be CLOSED or EXTRA_HOURS");
                break;
        }
    }

    /// <summary>
    /// The exception already there that <paramref name="exception"/> repeats: the same date closed, or
    /// the same extra hours at the same place on the same date (notes aside). Adding it again would
    /// change nothing but leave two entries to remove (a double click, a retried request), so it is
    /// refused as already existing (AIP-133), naming the one there.
    /// </summary>
    public static AvailabilityException? Repeats(AvailabilityException exception, IEnumerable<AvailabilityException> existing) =>
        existing.FirstOrDefault(e => e.Kind == exception.Kind && e.Date == exception.Date
            && (e.Kind == ExceptionKind.Closed || (Span(e) == Span(exception) && e.LocationIndex == exception.LocationIndex)));

    /// <summary>
    /// Extra hours overlapping other extra hours at the same place on the same date, which weekly
    /// windows may not do either: the practitioner meant one of them, or their union.
    /// </summary>
    public static void ValidateOverlaps(AvailabilityException exception, IEnumerable<AvailabilityException> existing, Violations v, string field = "exception")
    {
        if (exception.Kind != ExceptionKind.ExtraHours || Span(exception) is not var (start, end)) return;
        foreach (var e in existing)
            if (e.Kind == ExceptionKind.ExtraHours && e.Date == exception.Date && e.LocationIndex == exception.LocationIndex
                && Span(e) is var (s, f) && s < end && start < f)
                v.Add(field, $"overlaps extra hours {e.Id} ({e.Start}-{e.End}) on {e.Date} at the same place; remove that one first or choose hours around it");
    }

    private static (int Start, int End)? Span(AvailabilityException e) =>
        LocalClock.ParseStartMinute(e.Start) is { } start && LocalClock.ParseEndMinute(e.End) is { } end ? (start, end) : null;
}

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
    public static void Validate(AvailabilityException exception, int locationCount, LocalDate today, Violations v, string prefix = "exception.")
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
                WeeklySchedule.ValidateSpan(exception.Start, exception.End, v, prefix.TrimEnd('.'));
                WeeklySchedule.ValidateLocation(exception.LocationIndex, locationCount, v, prefix + "location_index");
                break;
            default:
                v.Add(prefix + "kind", "must be CLOSED or EXTRA_HOURS");
                break;
        }
    }
}

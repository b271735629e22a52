using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// Weekly windows and extra hours name a place by its index in the listing's locations, checked
/// when the hours are set. Hours at a place that an update only moves to another index follow it
/// (<see cref="LocationMoves"/>). A listing update that drops locations must not leave hours at a place
/// that no longer exists (clients would see, hold and book sessions there). Such an update is refused
/// rather than the hours rewritten: only the practitioner knows whether those hours move to
/// telehealth, to another place, or go.
/// </summary>
public static class LocationReferences
{
    /// <summary>At most this many references are spelled out; a form needs the first few, not all 500 exceptions.</summary>
    private const int MaxListed = 10;

    /// <summary>
    /// Adds a violation on <paramref name="field"/> for each weekly window and extra-hours exception of
    /// <paramref name="schedule"/> at a location index the listing will no longer have.
    /// </summary>
    public static void ValidateStillExist(WeeklyAvailability? schedule, int locationCount, Violations v, string field = "listing.locations") =>
        ValidateStillExist(schedule, index => index >= locationCount, v, field);

    /// <summary>
    /// Adds a violation on <paramref name="field"/> for each weekly window and extra-hours exception of
    /// <paramref name="schedule"/> at a place the update removes (<see cref="LocationMoves.Gone"/>);
    /// hours at places that only changed index follow them and are no violation.
    /// </summary>
    public static void ValidateStillExist(WeeklyAvailability? schedule, LocationMoves moves, Violations v, string field = "listing.locations") =>
        ValidateStillExist(schedule, moves.Gone.Contains, v, field);

    /// <summary>
    /// The bookings among <paramref name="bookings"/> at a place the update removes: those clients would
    /// be sent to whichever place takes that index, or to none. Bookings at places that only changed
    /// index follow them and are not returned.
    /// </summary>
    public static IReadOnlyList<Booking> AtRemovedPlaces(IEnumerable<Booking> bookings, LocationMoves moves) =>
        bookings.Where(b => moves.Gone.Contains(b.Slot.LocationIndex)).ToArray();

    private static void ValidateStillExist(WeeklyAvailability? schedule, Func<int, bool> removed, Violations v, string field)
    {
        if (schedule is null) return;
        var found = new List<string>();
        for (var i = 0; i < schedule.Windows.Count; i++)
        {
            var w = schedule.Windows[i];
            if (removed(w.LocationIndex))
                found.Add($"the weekly hours' windows[{i}] ({w.Weekday} {w.Start}-{w.End}) are at location {w.LocationIndex}, "
                    + "which this update removes; change the weekly hours (SetWeeklyAvailability) first");
        }
        // A closed day names no place (its index is stored as 0 and never read).
        foreach (var e in schedule.Exceptions.Where(e => e.Kind == ExceptionKind.ExtraHours && removed(e.LocationIndex)))
            found.Add($"exception {e.Id} (extra hours on {e.Date} {e.Start}-{e.End}) is at location {e.LocationIndex}, "
                + "which this update removes; remove that exception (RemoveException) first");
        foreach (var description in found.Take(MaxListed)) v.Add(field, description);
        if (found.Count > MaxListed) v.Add(field, $"and {found.Count - MaxListed} more hours at locations this update removes");
    }
}

using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// Weekly windows and extra hours name a place by its index in the listing's locations, checked
/// when the hours are set. Hours at a place that an update only moves to another index follow it
/// (<see cref="LocationMoves"/>). A listing update that drops locations must not leave hours at a place
/// that no longer exists (clients would see, hold and book sessions there). Such an update is refused
/// rather than the hours rewritten: only the practitioner knows whether those hours move to
/// telehealth, to another place, or go. Turning telehealth off while telehealth (-1) hours exist is
/// refused the same way.
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
        ValidateStillExist(schedule, index => index >= locationCount, v, field, AtRemovedLocation, RemovedLocations);

    /// <summary>
    /// Adds a violation on <paramref name="field"/> for each weekly window and extra-hours exception of
    /// <paramref name="schedule"/> at a place the update removes (<see cref="LocationMoves.Gone"/>);
    /// hours at places that only changed index follow them and are no violation.
    /// </summary>
    public static void ValidateStillExist(WeeklyAvailability? schedule, LocationMoves moves, Violations v, string field = "listing.locations") =>
        ValidateStillExist(schedule, moves.Gone.Contains, v, field, AtRemovedLocation, RemovedLocations);

    /// <summary>
    /// Adds a violation on <paramref name="field"/> for each telehealth (-1) weekly window and extra-hours
    /// exception of <paramref name="schedule"/>, for an update that turns telehealth off: the listing
    /// would then be shown as in-person only while still selling telehealth sessions.
    /// </summary>
    public static void ValidateTelehealthUnused(WeeklyAvailability? schedule, Violations v, string field = "listing.telehealth") =>
        ValidateStillExist(schedule, index => index == WeeklySchedule.Telehealth, v, field, _ => AtTelehealth, AtTelehealth);

    /// <summary>The upcoming bookings among <paramref name="bookings"/> that are telehealth sessions.</summary>
    public static IReadOnlyList<Booking> Telehealth(IEnumerable<Booking> bookings) =>
        bookings.Where(b => b.Slot.LocationIndex == WeeklySchedule.Telehealth).ToArray();

    private static string AtRemovedLocation(int index) => $"at location {index}, which this update removes";
    private const string RemovedLocations = "at locations this update removes";
    private const string AtTelehealth = "at telehealth (-1), which this update turns off";

    /// <summary>
    /// The bookings among <paramref name="bookings"/> at a place the update removes: those clients would
    /// be sent to whichever place takes that index, or to none. Bookings at places that only changed
    /// index follow them and are not returned.
    /// </summary>
    public static IReadOnlyList<Booking> AtRemovedPlaces(IEnumerable<Booking> bookings, LocationMoves moves) =>
        bookings.Where(b => moves.Gone.Contains(b.Slot.LocationIndex)).ToArray();

    private static void ValidateStillExist(WeeklyAvailability? schedule, Func<int, bool> removed, Violations v, string field, Func<int, string> where, string summary)
    {
        if (schedule is null) return;
        var found = new List<string>();
        for (var i = 0; i < schedule.Windows.Count; i++)
        {
            var w = schedule.Windows[i];
            if (removed(w.LocationIndex))
                found.Add($"the weekly hours' windows[{i}] ({w.Weekday} {w.Start}-{w.End}) are {where(w.LocationIndex)}; "
                    + "change the weekly hours (SetWeeklyAvailability) first");
        }
        // A closed day names no place (its index is stored as 0 and never read).
        foreach (var e in schedule.Exceptions.Where(e => e.Kind == ExceptionKind.ExtraHours && removed(e.LocationIndex)))
            found.Add($"exception {e.Id} (extra hours on {e.Date} {e.Start}-{e.End}) is {where(e.LocationIndex)}; "
                + "remove that exception (RemoveException) first");
        foreach (var description in found.Take(MaxListed)) v.Add(field, description);
        if (found.Count > MaxListed) v.Add(field, $"and {found.Count - MaxListed} more hours {summary}");
    }
}

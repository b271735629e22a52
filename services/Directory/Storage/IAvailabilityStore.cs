using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Weekly hours, exceptions, holds and bookings. A slot is identified by (listing, start instant)
/// and is taken by at most one hold or booking at a time; a slot overlapping a live hold or booking
/// of the same listing cannot be held either (one practitioner, one calendar). The store enforces
/// both atomically. Every change to what a listing offers (hours, exceptions, its zone or places)
/// moves its availability version in the same step; a hold records the version its slot was offered
/// under, and holding or confirming against a version that has moved is refused, so the caller can
/// check the slot against the hours as they are now.
/// </summary>
public interface IAvailabilityStore
{
    /// <summary>The weekly hours with their exceptions, or null when the listing has none.</summary>
    Task<WeeklyAvailability?> GetScheduleAsync(string listingId, CancellationToken cancellationToken);

    /// <summary>Schedules of many listings in one round trip, in the same order; null where none.</summary>
    Task<IReadOnlyList<WeeklyAvailability?>> GetSchedulesAsync(IReadOnlyList<string> listingIds, CancellationToken cancellationToken);

    /// <summary>
    /// The weekly hours with their exceptions (null when none), the exceptions on their own (which a
    /// listing can have before it has weekly hours), and the availability version they are at.
    /// </summary>
    Task<(WeeklyAvailability? Schedule, IReadOnlyList<AvailabilityException> Exceptions, long Version)> GetVersionedScheduleAsync(
        string listingId, CancellationToken cancellationToken);

    /// <summary>Replaces the weekly hours (exceptions are kept; the stored copy carries none) and moves the version.</summary>
    Task SaveScheduleAsync(WeeklyAvailability schedule, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the availability version of a listing that has hours, after a change outside this store
    /// changed what its hours mean (its time zone, its places).
    /// </summary>
    Task MoveVersionAsync(string listingId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an exception and moves the version, unless the listing already has the maximum number, or,
    /// for a day that <paramref name="closes"/> [From, To) (unix seconds), a confirmed booking overlaps
    /// that span, or the availability is no longer at <paramref name="version"/> (when given: the version
    /// at which the caller checked the exception against those already there): checked and written in
    /// one atomic step.
    /// </summary>
    Task<AddExceptionOutcome> AddExceptionAsync(
        string listingId, AvailabilityException exception, int maxExceptions, (long From, long To)? closes, long? version, CancellationToken cancellationToken);

    /// <summary>Removes an exception and moves the version; false when there was none with that id.</summary>
    Task<bool> RemoveExceptionAsync(string listingId, string exceptionId, CancellationToken cancellationToken);

    /// <summary>
    /// For each (listing, slots as [start, end) in unix seconds) request, whether each slot overlaps a
    /// live hold or a confirmed booking of that listing. All requests are answered in one round trip.
    /// </summary>
    Task<IReadOnlyList<bool[]>> TakenAsync(IReadOnlyList<(string ListingId, IReadOnlyList<(long Start, long End)> Slots)> requests, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the slot for <paramref name="ttl"/>, unless a live hold or booking takes or overlaps it or
    /// is less than <paramref name="bufferMinutes"/> away from it, or the listing's availability is no
    /// longer at <paramref name="version"/> (the one the slot was offered under, whose buffer_minutes is
    /// <paramref name="bufferMinutes"/>).
    /// </summary>
    Task<HoldOutcome> HoldAsync(string clientId, Hold hold, TimeSpan ttl, long version, int bufferMinutes, CancellationToken cancellationToken);

    /// <summary>A live hold, or null when unknown or lapsed.</summary>
    Task<HeldSlot?> GetHoldAsync(string holdId, CancellationToken cancellationToken);

    /// <summary>Gives up the client's live hold, opening its slot; false when it lapsed, was confirmed or is not theirs.</summary>
    Task<bool> ReleaseHoldAsync(string holdId, string clientId, CancellationToken cancellationToken);

    /// <summary>
    /// Turns the client's live hold into a confirmed booking with <paramref name="booking"/>'s id, while
    /// the listing exists, its availability is at <paramref name="version"/> (the version the caller
    /// knows the slot is offered under, whose buffer_minutes is <paramref name="bufferMinutes"/>), and no
    /// confirmed booking overlaps the slot or is less than the buffer away from it.
    /// </summary>
    Task<ConfirmOutcome> ConfirmAsync(string holdId, string clientId, Booking booking, long version, int bufferMinutes, CancellationToken cancellationToken);

    Task<Booking?> GetBookingAsync(string bookingId, CancellationToken cancellationToken);

    /// <summary>Marks a confirmed booking cancelled and opens its slot; false when it was not confirmed.</summary>
    Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the client on every booking of <paramref name="clientId"/> with an erased marker, erases
    /// their live holds (opening those slots again) and drops their indexes. Returns what was erased.
    /// </summary>
    Task<(int Bookings, int Holds)> ForgetClientAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>
    /// When Profiles recorded that the client is owed a bookings erasure (their last profile was deleted
    /// and erasing them from their bookings has not succeeded yet), erases them as
    /// <see cref="ForgetClientAsync"/> does and clears that record; false when nothing was owed.
    /// </summary>
    Task<bool> FinishOwedErasureAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Bookings (confirmed and cancelled) of a client, in slot order.</summary>
    Task<IReadOnlyList<Booking>> ListClientBookingsAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>
    /// The ids in a client's indexes, read together: their holds (some may have lapsed or been
    /// confirmed meanwhile) and their bookings (confirmed and cancelled). One round trip.
    /// </summary>
    Task<(IReadOnlyList<string> Holds, IReadOnlyList<string> Bookings)> ClientIdsAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Live holds of a client, in slot order.</summary>
    Task<IReadOnlyList<Hold>> ListClientHoldsAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Confirmed bookings of a listing starting in [from, to), and cancelled ones when <paramref name="includeCancelled"/>, in time order.</summary>
    Task<IReadOnlyList<Booking>> ListBookingsAsync(string listingId, long fromUnixSeconds, long toUnixSeconds, bool includeCancelled, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every weekly window, extra-hours exception, live hold and booking (confirmed or cancelled,
    /// past or future) at an old location index in <paramref name="map"/> (old → new) to its new index,
    /// all in one atomic step that never overwrites a concurrent change to the hours, holds or bookings;
    /// false when nothing was at those indexes.
    /// </summary>
    Task<bool> RemapLocationsAsync(string listingId, IReadOnlyDictionary<int, int> map, CancellationToken cancellationToken);
}

/// <summary>Outcome of a hold.</summary>
/// <param name="Held">Whether the slot is now the caller's.</param>
/// <param name="TakenBy">The hold or booking id that has the slot or overlaps it (the new hold's when held);
/// null when the one in the way lapsed meanwhile.</param>
/// <param name="VersionMoved">Refused because the listing's availability changed since it was read.</param>
public readonly record struct HoldOutcome(bool Held, string? TakenBy, bool VersionMoved = false);

/// <summary>
/// A live hold, whose client holds it, the availability version its slot was offered under (-1: unknown)
/// and that version's buffer_minutes.
/// </summary>
public readonly record struct HeldSlot(Hold Hold, string ClientId, long Version, int BufferMinutes);

/// <summary>Outcome of adding an exception.</summary>
/// <param name="Added">Whether it was added.</param>
/// <param name="Booked">When refused for a closed day: the confirmed bookings on it (else empty, and the listing was full or the version moved).</param>
/// <param name="VersionMoved">Refused because the availability changed since the caller read it.</param>
public readonly record struct AddExceptionOutcome(bool Added, IReadOnlyList<string> Booked, bool VersionMoved = false);

/// <summary>Outcome of turning a hold into a booking.</summary>
public enum ConfirmOutcome
{
    Confirmed, HoldLapsed, NotYourHold, VersionMoved, ListingGone,
    /// <summary>A confirmed booking overlaps the slot or is closer to it than the buffer (the hours changed since the hold).</summary>
    TooClose,
}

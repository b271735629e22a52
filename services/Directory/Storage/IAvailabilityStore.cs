using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Weekly hours, exceptions, holds and bookings. A slot is identified by (listing, start instant)
/// and is taken by at most one hold or booking at a time; a slot overlapping a live hold or booking
/// of the same listing cannot be held either (one practitioner, one calendar). The store enforces
/// both atomically.
/// </summary>
public interface IAvailabilityStore
{
    /// <summary>The weekly hours with their exceptions, or null when the listing has none.</summary>
    Task<WeeklyAvailability?> GetScheduleAsync(string listingId, CancellationToken cancellationToken);

    /// <summary>Schedules of many listings in one round trip, in the same order; null where none.</summary>
    Task<IReadOnlyList<WeeklyAvailability?>> GetSchedulesAsync(IReadOnlyList<string> listingIds, CancellationToken cancellationToken);

    /// <summary>Replaces the weekly hours (exceptions are kept; the stored copy carries none).</summary>
    Task SaveScheduleAsync(WeeklyAvailability schedule, CancellationToken cancellationToken);

    /// <summary>Adds an exception; false when the listing already has the maximum number.</summary>
    Task<bool> AddExceptionAsync(string listingId, AvailabilityException exception, int maxExceptions, CancellationToken cancellationToken);

    /// <summary>Removes an exception; false when there was none with that id.</summary>
    Task<bool> RemoveExceptionAsync(string listingId, string exceptionId, CancellationToken cancellationToken);

    /// <summary>
    /// For each (listing, slots as [start, end) in unix seconds) request, whether each slot overlaps a
    /// live hold or a confirmed booking of that listing. All requests are answered in one round trip.
    /// </summary>
    Task<IReadOnlyList<bool[]>> TakenAsync(IReadOnlyList<(string ListingId, IReadOnlyList<(long Start, long End)> Slots)> requests, CancellationToken cancellationToken);

    /// <summary>Claims the slot for <paramref name="ttl"/>, unless a live hold or booking takes or overlaps it.</summary>
    Task<HoldOutcome> HoldAsync(string clientId, Hold hold, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>A live hold, or null when unknown or lapsed.</summary>
    Task<(Hold Hold, string ClientId)?> GetHoldAsync(string holdId, CancellationToken cancellationToken);

    /// <summary>Turns the client's live hold into a confirmed booking with <paramref name="booking"/>'s id.</summary>
    Task<ConfirmOutcome> ConfirmAsync(string holdId, string clientId, Booking booking, CancellationToken cancellationToken);

    Task<Booking?> GetBookingAsync(string bookingId, CancellationToken cancellationToken);

    /// <summary>Marks a confirmed booking cancelled and opens its slot; false when it was not confirmed.</summary>
    Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the client on every booking of <paramref name="clientId"/> with an erased marker, erases
    /// their live holds (opening those slots again) and drops their indexes. Returns what was erased.
    /// </summary>
    Task<(int Bookings, int Holds)> ForgetClientAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Bookings (confirmed and cancelled) of a client, in slot order.</summary>
    Task<IReadOnlyList<Booking>> ListClientBookingsAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Live holds of a client, in slot order.</summary>
    Task<IReadOnlyList<Hold>> ListClientHoldsAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Confirmed bookings of a listing starting in [from, to), in time order.</summary>
    Task<IReadOnlyList<Booking>> ListBookingsAsync(string listingId, long fromUnixSeconds, long toUnixSeconds, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every weekly window and extra-hours exception at an old location index in
    /// <paramref name="map"/> (old → new) to its new index, schedule and exceptions in one atomic
    /// step that never overwrites a concurrent change to the hours; false when nothing was at those
    /// indexes.
    /// </summary>
    Task<bool> RemapLocationsAsync(string listingId, IReadOnlyDictionary<int, int> map, CancellationToken cancellationToken);
}

/// <summary>Outcome of a hold.</summary>
/// <param name="Held">Whether the slot is now the caller's.</param>
/// <param name="TakenBy">The hold or booking id that has the slot or overlaps it (the new hold's when held);
/// null when the one in the way lapsed meanwhile.</param>
public readonly record struct HoldOutcome(bool Held, string? TakenBy);

/// <summary>Outcome of turning a hold into a booking.</summary>
public enum ConfirmOutcome { Confirmed, HoldLapsed, NotYourHold }

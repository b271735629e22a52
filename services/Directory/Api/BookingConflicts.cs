using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using NodaTime;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// Confirmed bookings that an owner's change would strand: closing a day they fall on, deleting the
/// listing they are with. Such a change is refused with the bookings named, so the owner cancels them
/// (CancelBooking, which the clients see) rather than leaving clients holding a session that is gone.
/// The store checks for such bookings in the same atomic step as the change; these reads only name
/// them in the refusal.
/// </summary>
public static class BookingConflicts
{
    private static readonly Duration LongestSession = Duration.FromMinutes(WeeklySchedule.MaxSessionMinutes);

    /// <summary>Confirmed bookings of the listing whose session overlaps [from, to).</summary>
    public static async Task<IReadOnlyList<Booking>> OverlappingAsync(
        IAvailabilityStore store, string listingId, Instant from, Instant to, CancellationToken ct)
    {
        var starting = await store.ListBookingsAsync(listingId, (from - LongestSession).ToUnixTimeSeconds(), to.ToUnixTimeSeconds(), includeCancelled: false, ct);
        return starting.Where(b => b.Slot.EndTime.Seconds > from.ToUnixTimeSeconds()).ToArray();
    }

    /// <summary>The bookings with these ids that are still confirmed.</summary>
    public static async Task<IReadOnlyList<Booking>> ConfirmedAsync(IAvailabilityStore store, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var bookings = await Task.WhenAll(ids.Select(id => store.GetBookingAsync(id, ct)));
        return bookings.OfType<Booking>().Where(b => b.State == BookingState.Confirmed).OrderBy(b => b.Slot.StartTime.Seconds).ToArray();
    }

    /// <summary>FAILED_PRECONDITION naming the bookings (the first few) and what to do.</summary>
    public static DomainException Refusal(string change, IReadOnlyList<Booking> bookings)
    {
        // The store refused for bookings that were cancelled before they could be named.
        if (bookings.Count == 0)
            return DomainException.FailedPrecondition($"Cannot {change}: a booking on it was confirmed or cancelled meanwhile; try again.");
        var named = string.Join(", ", bookings.Take(5).Select(b => $"{b.BookingId} at {b.Slot.LocalStart}"));
        var more = bookings.Count > 5 ? $" and {bookings.Count - 5} more" : "";
        return DomainException.FailedPrecondition(
            $"Cannot {change}: {bookings.Count} confirmed booking{(bookings.Count == 1 ? "" : "s")} ({named}{more}); cancel {(bookings.Count == 1 ? "it" : "them")} with CancelBooking first.");
    }
}

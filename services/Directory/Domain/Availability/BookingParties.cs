using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// Who a booking belongs to, and who may hold a slot. A booking whose client erased their data
/// keeps <see cref="Erased"/> where the client was: it names nobody, so no caller is its client,
/// whatever their id (only the listing's owner still sees and cancels it). A listing that is not
/// accepting new clients still takes bookings from its returning clients. One client holds at most
/// <see cref="MaxLiveHoldsPerListing"/> unconfirmed slots of a listing at a time, so nobody can
/// block a practitioner's calendar by holding all of it.
/// </summary>
public static class BookingParties
{
    /// <summary>The client value of a booking whose client erased their data.</summary>
    public const string Erased = "erased";

    /// <summary>Enough to compare a few times before confirming one; a series is booked one confirm at a time.</summary>
    public const int MaxLiveHoldsPerListing = 3;

    /// <summary>Whether <paramref name="caller"/> is the client of <paramref name="booking"/>.</summary>
    public static bool IsClient(Booking booking, string caller) => booking.ClientId == caller && caller != Erased;

    /// <summary>Whether <paramref name="caller"/> may hold a slot of <paramref name="listing"/>, having booked it before or not.</summary>
    public static bool MayBook(Listing listing, string caller, bool bookedBefore) =>
        listing.AcceptingNewClients || bookedBefore || listing.OwnerId == caller;
}

using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using Xunit;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>A client's booking made as a client makes it, and the client id the practitioner sees on it.</summary>
public static class Bookings
{
    public static async Task<Booking> BookAsync(TestSystem system, Listing listing, Slot slot, CallOptions me)
    {
        var hold = await system.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, me);
        return await system.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, me);
    }

    /// <summary>The booking's client id as the practitioner lists it: the client's, or "erased".</summary>
    public static async Task<string> ClientOfAsync(TestSystem system, Listing listing, Slot slot, Booking booking, CallOptions practitioner)
    {
        var bookings = await system.Availability.ListBookingsAsync(new ListBookingsRequest
        {
            ListingId = listing.Id, StartTime = slot.StartTime, EndTime = slot.EndTime,
        }, practitioner);
        return Assert.Single(bookings.Bookings, b => b.BookingId == booking.BookingId).ClientId;
    }
}

using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>A naturopath's listing open 09:00-17:00 every day in hour sessions, so slots exist whenever a test runs.</summary>
public sealed record BookableListing(Listing Listing, CallOptions Practitioner, IReadOnlyList<Slot> Slots)
{
    public static async Task<BookableListing> CreateAsync(TestSystem system, int slots)
    {
        var practitioner = Tokens.As(Users.Fresh("practitioner"));
        var listing = await system.Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, practitioner);
        var hours = new SetWeeklyAvailabilityRequest { ListingId = listing.Id, SessionMinutes = 60 };
        for (var day = Weekday.Monday; day <= Weekday.Sunday; day++)
            hours.Windows.Add(new WeeklyWindow { Weekday = day, Start = "09:00", End = "17:00", LocationIndex = 0 });
        await system.Availability.SetWeeklyAvailabilityAsync(hours, practitioner);
        var open = await system.Availability.ListOpenSlotsAsync(new ListOpenSlotsRequest { ListingId = listing.Id, PageSize = slots });
        return new BookableListing(listing, practitioner, open.Slots);
    }
}

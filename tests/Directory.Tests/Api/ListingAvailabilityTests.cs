using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>
/// A listing's weekly hours depend on the listing (its time zone, its locations): what happens to them
/// when the listing changes, through the real gRPC pipeline against the real store.
/// </summary>
public sealed class ListingAvailabilityTests(DirectorySystemFixture fixture) : IClassFixture<DirectorySystemFixture>
{
    private DirectoryService.DirectoryServiceClient Directory => fixture.System.Directory;
    private AvailabilityService.AvailabilityServiceClient Availability => fixture.System.Availability;

    private static string NewOwner() => "owner-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A naturopath (one location, Los Angeles time) open Mondays 09:00-12:00 at <paramref name="locationIndex"/>.</summary>
    private async Task<Listing> WithMondayHoursAsync(string owner, int locationIndex = 0)
    {
        var listing = await Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));
        await Availability.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = locationIndex } },
        }, Tokens.As(owner));
        return listing;
    }

    private Task<Listing> UpdateAsync(string owner, Listing patch, string mask) =>
        Directory.UpdateListingAsync(new UpdateListingRequest { Listing = patch, UpdateMask = FieldMask.FromString(mask) }, Tokens.As(owner)).ResponseAsync;

    [Fact]
    public async Task Weekly_hours_report_the_listings_current_time_zone_after_it_changes()
    {
        var owner = NewOwner();
        var listing = await WithMondayHoursAsync(owner);

        await UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, TimeZone = "Asia/Kolkata" }, "time_zone");
        var hours = await Availability.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id });
        var slots = await OpenSlotsAsync(listing.Id);

        Assert.Equal("Asia/Kolkata", hours.TimeZone);
        // The slots are in that zone too: Monday 09:00-12:00 in Kolkata is 03:30-06:30 UTC.
        Assert.All(slots, s => Assert.Contains(
            (s.StartTime.ToDateTimeOffset().DayOfWeek, s.StartTime.ToDateTimeOffset().TimeOfDay),
            new[] { 3.5, 4.5, 5.5 }.Select(h => (DayOfWeek.Monday, TimeSpan.FromHours(h)))));
    }

    [Fact]
    public async Task Removing_a_location_that_hours_are_at_is_refused_naming_the_window_and_the_exception()
    {
        var owner = NewOwner();
        var listing = await WithMondayHoursAsync(owner, locationIndex: 0);
        var extra = await Availability.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id,
            Exception = new AvailabilityException { Date = "2099-03-02", Kind = ExceptionKind.ExtraHours, Start = "14:00", End = "16:00", LocationIndex = 0 },
        }, Tokens.As(owner));

        var refused = await RpcAssert.InvalidField("listing.locations", () =>
            UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag }, "locations"));

        var descriptions = refused.FieldViolations.Where(f => f.Field == "listing.locations").Select(f => f.Description).ToList();
        Assert.Equal(2, descriptions.Count);
        Assert.Contains("windows[0] (Monday 09:00-12:00) are at location 0", descriptions[0]);
        Assert.Contains("change the weekly hours", descriptions[0]);
        Assert.Contains($"exception {extra.Id} (extra hours on 2099-03-02 14:00-16:00) is at location 0", descriptions[1]);
        // Nothing changed: the listing keeps its place and its slots are still there.
        Assert.Single((await Directory.GetListingAsync(new GetListingRequest { Id = listing.Id })).Locations);
        Assert.All(await OpenSlotsAsync(listing.Id), s => Assert.Equal(0, s.LocationIndex));
    }

    [Fact]
    public async Task Once_the_hours_are_moved_to_telehealth_the_location_can_be_removed()
    {
        var owner = NewOwner();
        var listing = await WithMondayHoursAsync(owner, locationIndex: 0);
        await Availability.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = -1 } },
        }, Tokens.As(owner));

        var updated = await UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag }, "locations");

        Assert.Empty(updated.Locations);
        Assert.All(await OpenSlotsAsync(listing.Id), s => Assert.Equal(-1, s.LocationIndex));
    }

    private static readonly Location Salem = new() { Lat = 44.9429, Lon = -123.0351, City = "Salem", Region = "OR", Country = "US", PostalCode = "97301" };

    /// <summary>A naturopath with places Portland (0) and Salem (1), open Mondays at <paramref name="locationIndex"/>.</summary>
    private async Task<Listing> InPortlandAndSalemAsync(string owner, int locationIndex)
    {
        var listing = await Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));
        listing = await UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, Locations = { listing.Locations[0], Salem } }, "locations");
        await Availability.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = locationIndex } },
        }, Tokens.As(owner));
        return listing;
    }

    [Fact]
    public async Task Reordering_locations_keeps_hours_at_the_same_place()
    {
        var owner = NewOwner();
        var listing = await InPortlandAndSalemAsync(owner, locationIndex: 1); // Mondays in Salem
        var extra = await Availability.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id, // extra hours in Portland
            Exception = new AvailabilityException { Date = "2099-03-02", Kind = ExceptionKind.ExtraHours, Start = "14:00", End = "16:00", LocationIndex = 0 },
        }, Tokens.As(owner));

        var updated = await UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, Locations = { Salem, listing.Locations[0] } }, "locations");
        var hours = await Availability.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id }, Tokens.As(owner));

        Assert.Equal(["Salem", "Portland"], updated.Locations.Select(l => l.City));
        Assert.Equal("Salem", updated.Locations[Assert.Single(hours.Windows).LocationIndex].City);
        Assert.Equal("Portland", updated.Locations[hours.Exceptions.Single(e => e.Id == extra.Id).LocationIndex].City);
        Assert.All(await OpenSlotsAsync(listing.Id), s => Assert.Equal("Salem", updated.Locations[s.LocationIndex].City));
    }

    [Fact]
    public async Task Removing_the_first_location_moves_hours_at_the_second_down_with_it()
    {
        var owner = NewOwner();
        var listing = await InPortlandAndSalemAsync(owner, locationIndex: 1);

        var updated = await UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, Locations = { Salem } }, "locations");
        var hours = await Availability.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id });

        Assert.Equal(0, Assert.Single(hours.Windows).LocationIndex);
        Assert.Equal("Salem", Assert.Single(updated.Locations).City);
    }

    [Fact]
    public async Task Removing_the_first_location_while_hours_are_there_is_refused_though_another_place_takes_its_index()
    {
        var owner = NewOwner();
        var listing = await InPortlandAndSalemAsync(owner, locationIndex: 0); // Mondays in Portland

        var refused = await RpcAssert.InvalidField("listing.locations", () =>
            UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, Locations = { Salem } }, "locations"));

        Assert.Contains("windows[0] (Monday 09:00-12:00) are at location 0, which this update removes", Assert.Single(refused.FieldViolations).Description);
        Assert.Equal(["Portland", "Salem"], (await Directory.GetListingAsync(new GetListingRequest { Id = listing.Id })).Locations.Select(l => l.City));
    }

    [Fact]
    public async Task Telehealth_hours_are_refused_for_a_listing_that_offers_no_telehealth()
    {
        var owner = NewOwner();
        var inPerson = Samples.Naturopath();
        inPerson.Telehealth = false;
        var listing = await Directory.CreateListingAsync(new CreateListingRequest { Listing = inPerson }, Tokens.As(owner));

        var refused = await RpcAssert.InvalidField("windows[0].location_index", () => Availability.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = -1 } },
        }, Tokens.As(owner)).ResponseAsync);

        Assert.Contains("does not offer telehealth", refused.FieldViolations.Single(f => f.Field == "windows[0].location_index").Description);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Availability.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id }).ResponseAsync);

        // Nor as extra hours, once there are weekly hours at the practice.
        await Availability.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = 0 } },
        }, Tokens.As(owner));
        var extra = await RpcAssert.InvalidField("exception.location_index", () => Availability.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id,
            Exception = new AvailabilityException
            {
                Date = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Kind = ExceptionKind.ExtraHours, Start = "14:00", End = "17:00", LocationIndex = -1,
            },
        }, Tokens.As(owner)).ResponseAsync);
        Assert.Contains("does not offer telehealth", extra.FieldViolations.Single(f => f.Field == "exception.location_index").Description);
    }

    [Fact]
    public async Task Turning_telehealth_off_while_telehealth_hours_exist_is_refused_until_they_are_moved()
    {
        var owner = NewOwner();
        var listing = await WithMondayHoursAsync(owner, locationIndex: -1);

        var refused = await RpcAssert.InvalidField("listing.telehealth", () =>
            UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, Telehealth = false }, "telehealth"));

        Assert.Contains("windows[0] (Monday 09:00-12:00) are at telehealth", Assert.Single(refused.FieldViolations).Description);
        Assert.True((await Directory.GetListingAsync(new GetListingRequest { Id = listing.Id })).Telehealth);
        Assert.All(await OpenSlotsAsync(listing.Id), s => Assert.Equal(-1, s.LocationIndex));

        // Once the hours are at the practice, telehealth can be turned off.
        await Availability.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = 0 } },
        }, Tokens.As(owner));
        Assert.False((await UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, Telehealth = false }, "telehealth")).Telehealth);
    }

    /// <summary>Holds the slot for <paramref name="client"/>, and confirms it unless <paramref name="confirm"/> is false.</summary>
    private async Task<(Hold Hold, Booking? Booking)> BookAsync(string client, Slot slot, bool confirm = true)
    {
        var hold = await Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = slot.ListingId, StartTime = slot.StartTime }, Tokens.As(client));
        return (hold, confirm ? await Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, Tokens.As(client)) : null);
    }

    [Fact]
    public async Task Reordering_locations_keeps_confirmed_bookings_and_live_holds_at_the_same_place()
    {
        var owner = NewOwner();
        var listing = await InPortlandAndSalemAsync(owner, locationIndex: 1); // Mondays in Salem
        var slots = await OpenSlotsAsync(listing.Id);
        var (_, booked) = await BookAsync("client-" + Guid.NewGuid().ToString("N")[..8], slots[0]);
        var holder = "client-" + Guid.NewGuid().ToString("N")[..8];
        var (held, _) = await BookAsync(holder, slots[1], confirm: false);

        var updated = await UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, Locations = { Salem, listing.Locations[0] } }, "locations");

        // The client and the practitioner both still read Salem, where the session was booked.
        var clientView = Assert.Single((await Availability.ListMyBookingsAsync(new ListMyBookingsRequest(), Tokens.As(booked!.ClientId))).Bookings);
        Assert.Equal("Salem", updated.Locations[clientView.Slot.LocationIndex].City);
        var ownerView = Assert.Single((await Availability.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, Tokens.As(owner))).Bookings);
        Assert.Equal("Salem", updated.Locations[ownerView.Slot.LocationIndex].City);
        // The hold taken before the reorder is at a place that did not change: it is confirmed, in Salem.
        Assert.Equal("Salem", updated.Locations[Assert.Single((await Availability.ListMyBookingsAsync(new ListMyBookingsRequest(), Tokens.As(holder))).Holds).Slot.LocationIndex].City);
        var confirmed = await Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = held.HoldId }, Tokens.As(holder));
        Assert.Equal("Salem", updated.Locations[confirmed.Slot.LocationIndex].City);
    }

    [Fact]
    public async Task Removing_a_place_with_an_upcoming_booking_is_refused_naming_the_booking()
    {
        var owner = NewOwner();
        var listing = await InPortlandAndSalemAsync(owner, locationIndex: 1); // Mondays in Salem
        var (_, booked) = await BookAsync("client-" + Guid.NewGuid().ToString("N")[..8], (await OpenSlotsAsync(listing.Id))[0]);
        // The practitioner moves the weekly hours to Portland, then drops Salem.
        await Availability.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "13:00", End = "16:00", LocationIndex = 0 } },
        }, Tokens.As(owner));

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            UpdateAsync(owner, new Listing { Id = listing.Id, Etag = listing.Etag, Locations = { listing.Locations[0] } }, "locations"));

        Assert.Contains(booked!.BookingId, refused.Status.Detail);
        Assert.Contains(booked.Slot.LocalStart, refused.Status.Detail);
        var unchanged = await Directory.GetListingAsync(new GetListingRequest { Id = listing.Id });
        Assert.Equal(["Portland", "Salem"], unchanged.Locations.Select(l => l.City));
        var ownerView = Assert.Single((await Availability.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, Tokens.As(owner))).Bookings);
        Assert.Equal("Salem", unchanged.Locations[ownerView.Slot.LocationIndex].City);
    }

    /// <summary>The open slots of the coming 8 days (a Monday among them), never none.</summary>
    private async Task<IReadOnlyList<Slot>> OpenSlotsAsync(string listingId)
    {
        var slots = (await Availability.ListOpenSlotsAsync(new ListOpenSlotsRequest
        {
            ListingId = listingId, PageSize = 10, EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(8)),
        })).Slots;
        Assert.NotEmpty(slots);
        return slots;
    }
}

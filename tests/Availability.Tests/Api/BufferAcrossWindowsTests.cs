using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using NodaTime;

namespace HealingNetwork.Availability.Tests.Api;

/// <summary>
/// buffer_minutes holds between any two sessions of a practitioner, whichever windows (places,
/// telehealth) they come from, through the real gRPC pipeline and store. QA found two clients booked
/// back to back, 0 minutes apart, from a place's window and a telehealth window with a 30-minute buffer.
/// </summary>
public sealed class BufferAcrossWindowsTests(DirectoryHost host) : IClassFixture<DirectoryHost>
{
    private readonly AvailabilityService.AvailabilityServiceClient _client = host.Client;
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>A Tuesday at least two days ahead in Berlin, so none of its slots passes while a test runs.</summary>
    private static LocalDate NextTuesday()
    {
        var date = SystemClock.Instance.GetCurrentInstant().InZone(Berlin).Date.PlusDays(2);
        while (date.DayOfWeek != IsoDayOfWeek.Tuesday) date = date.PlusDays(1);
        return date;
    }

    /// <summary>A Berlin listing with two places and, on Tuesdays, 09:00–12:00 at place 0 and the given second window.</summary>
    private async Task<(Listing Listing, string Owner)> TwoWindowsAsync(int secondLocation, string secondStart, string secondEnd, int buffer)
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await host.CreateListingAsync(owner, "Europe/Berlin", places: 2);
        await SetHoursAsync(listing.Id, owner, secondLocation, secondStart, secondEnd, buffer);
        return (listing, owner);
    }

    private Task SetHoursAsync(string listingId, string owner, int secondLocation, string secondStart, string secondEnd, int buffer) =>
        _client.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listingId, SessionMinutes = 60, BufferMinutes = buffer,
            Windows =
            {
                new WeeklyWindow { Weekday = Weekday.Tuesday, Start = "09:00", End = "12:00", LocationIndex = 0 },
                new WeeklyWindow { Weekday = Weekday.Tuesday, Start = secondStart, End = secondEnd, LocationIndex = secondLocation },
            },
        }, DirectoryHost.As(owner)).ResponseAsync;

    /// <summary>The open slots of that Berlin date, as "HH:mm@location".</summary>
    private async Task<IReadOnlyList<Slot>> OpenOnAsync(string listingId, LocalDate date)
    {
        var request = new ListOpenSlotsRequest
        {
            ListingId = listingId,
            StartTime = Timestamp.FromDateTimeOffset(date.AtStartOfDayInZone(Berlin).ToDateTimeOffset()),
            EndTime = Timestamp.FromDateTimeOffset(date.PlusDays(1).AtStartOfDayInZone(Berlin).ToDateTimeOffset()),
        };
        return (await _client.ListOpenSlotsAsync(request)).Slots;
    }

    private static string Name(Slot slot) => $"{slot.LocalStart[11..16]}@{slot.LocationIndex}";

    private static Slot At(IEnumerable<Slot> slots, string name) => slots.Single(s => Name(s) == name);

    private Task<Hold> HoldAsync(string listingId, Slot slot, Metadata who) =>
        _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listingId, StartTime = slot.StartTime }, who).ResponseAsync;

    private static long GapMinutes(Slot a, Slot b) =>
        (Math.Max(a.StartTime.Seconds, b.StartTime.Seconds) - Math.Min(a.EndTime.Seconds, b.EndTime.Seconds)) / 60;

    [Theory]
    [InlineData(-1, "10:00", "13:00", "09:00@0", "10:00@-1")] // a place, then telehealth right after
    [InlineData(1, "09:30", "12:30", "09:30@1", "10:30@0")] // one place, then the other right after
    public async Task Sessions_from_different_windows_are_never_closer_than_the_buffer(
        int secondLocation, string secondStart, string secondEnd, string first, string backToBack)
    {
        var (listing, owner) = await TwoWindowsAsync(secondLocation, secondStart, secondEnd, buffer: 30);
        var date = NextTuesday();
        var offered = await OpenOnAsync(listing.Id, date);
        var (alice, bob) = (DirectoryHost.As("alice-" + Guid.NewGuid().ToString("N")), DirectoryHost.As("bob-" + Guid.NewGuid().ToString("N")));

        var held = await HoldAsync(listing.Id, At(offered, first), alice);
        var whileHeld = await OpenOnAsync(listing.Id, date);
        var refusedWhileHeld = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => HoldAsync(listing.Id, At(offered, backToBack), bob));
        var booking = await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = held.HoldId }, alice);
        var afterBooking = await OpenOnAsync(listing.Id, date);
        var refusedAfterBooking = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => HoldAsync(listing.Id, At(offered, backToBack), bob));

        Assert.Contains(backToBack, offered.Select(Name)); // offered while nothing is booked
        Assert.DoesNotContain(backToBack, whileHeld.Select(Name));
        Assert.DoesNotContain(backToBack, afterBooking.Select(Name));
        Assert.All(afterBooking, s => Assert.True(GapMinutes(s, booking.Slot) >= 30, $"{Name(s)} is {GapMinutes(s, booking.Slot)} minutes from the booking"));
        Assert.NotEmpty(afterBooking);
        Assert.Contains("30-minute buffer", refusedWhileHeld.Status.Detail);
        Assert.Contains("30-minute buffer", refusedAfterBooking.Status.Detail);
        var bookings = (await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings;
        Assert.Equal([booking.BookingId], bookings.Select(b => b.BookingId));
    }

    [Fact]
    public async Task A_client_holding_a_slot_is_told_their_own_hold_is_within_the_buffer()
    {
        var (listing, _) = await TwoWindowsAsync(-1, "10:00", "13:00", buffer: 30);
        var offered = await OpenOnAsync(listing.Id, NextTuesday());
        var alice = DirectoryHost.As("alice-" + Guid.NewGuid().ToString("N"));
        var held = await HoldAsync(listing.Id, At(offered, "09:00@0"), alice);

        var refused = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => HoldAsync(listing.Id, At(offered, "10:00@-1"), alice));

        Assert.StartsWith($"You hold a slot less than the practitioner's 30-minute buffer away from that slot (hold {held.HoldId}", refused.Status.Detail);
    }

    [Fact]
    public async Task Holds_a_larger_buffer_puts_too_close_are_confirmed_first_come_and_the_other_refused()
    {
        // Without a buffer the two sessions may sit back to back, and two clients hold them.
        var (listing, owner) = await TwoWindowsAsync(-1, "10:00", "13:00", buffer: 0);
        var offered = await OpenOnAsync(listing.Id, NextTuesday());
        var (alice, bob) = (DirectoryHost.As("alice-" + Guid.NewGuid().ToString("N")), DirectoryHost.As("bob-" + Guid.NewGuid().ToString("N")));
        var alicesHold = await HoldAsync(listing.Id, At(offered, "09:00@0"), alice);
        var bobsHold = await HoldAsync(listing.Id, At(offered, "10:00@-1"), bob);

        // The practitioner then asks for 30 minutes between sessions; both slots are still offered as held.
        await SetHoursAsync(listing.Id, owner, -1, "10:00", "13:00", buffer: 30);
        var booked = await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = alicesHold.HoldId }, alice);
        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = bobsHold.HoldId }, bob).ResponseAsync);

        Assert.Contains("30-minute buffer", refused.Status.Detail);
        var bookings = (await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings;
        Assert.Equal([booked.BookingId], bookings.Select(b => b.BookingId));
        Assert.Empty((await _client.ListMyBookingsAsync(new ListMyBookingsRequest(), bob)).Holds); // bob's hold is let go
    }
}

using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Availability.Tests.Storage;

/// <summary>Hours, holds and bookings following their places to new location indexes, against the real store (Garnet, or REDIS_URL).</summary>
public sealed class LocationRemapStoreTests
{
    private readonly RedisAvailabilityStore _store = new(TestStore.Instance.Connection);

    private static string NewListing() => Guid.NewGuid().ToString("N");

    private static WeeklyWindow Window(Weekday day, int location) => new() { Weekday = day, Start = "09:00", End = "12:00", LocationIndex = location };

    private static AvailabilityException Extra(string id, int location) =>
        new() { Id = id, Date = "2030-01-07", Kind = ExceptionKind.ExtraHours, Start = "14:00", End = "16:00", LocationIndex = location };

    [Fact]
    public async Task Remapping_moves_windows_and_extra_hours_and_leaves_telehealth_closed_days_and_other_fields_alone()
    {
        var listing = NewListing();
        await _store.SaveScheduleAsync(new WeeklyAvailability
        {
            ListingId = listing, TimeZone = "America/Los_Angeles", SessionMinutes = 60,
            Windows = { Window(Weekday.Monday, 0), Window(Weekday.Tuesday, 1), Window(Weekday.Wednesday, -1), Window(Weekday.Thursday, 2) },
        }, default);
        foreach (var e in new[] { Extra("at0", 0), Extra("at1", 1), Extra("tele", -1), new AvailabilityException { Id = "closed", Date = "2030-01-08", Kind = ExceptionKind.Closed } })
            Assert.True((await _store.AddExceptionAsync(listing, e, 10, null, null, default)).Added);
        var version = (await _store.GetVersionedScheduleAsync(listing, default)).Version;

        Assert.True(await _store.RemapLocationsAsync(listing, new Dictionary<int, int> { [0] = 1, [1] = 0 }, default));

        var hours = (await _store.GetScheduleAsync(listing, default))!;
        Assert.Equal([1, 0, -1, 2], hours.Windows.Select(w => w.LocationIndex));
        Assert.Equal(60, hours.SessionMinutes);
        Assert.Equal(
            [("at0", 1), ("at1", 0), ("closed", 0), ("tele", -1)],
            hours.Exceptions.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => (e.Id, e.LocationIndex)));
        // A remap changes the hours, so it moves the version like every such change.
        Assert.Equal(version + 1, (await _store.GetVersionedScheduleAsync(listing, default)).Version);
    }

    [Fact]
    public async Task Remapping_indexes_no_hours_use_writes_nothing()
    {
        var listing = NewListing();
        await _store.SaveScheduleAsync(new WeeklyAvailability { ListingId = listing, SessionMinutes = 60, Windows = { Window(Weekday.Monday, -1) } }, default);

        Assert.False(await _store.RemapLocationsAsync(listing, new Dictionary<int, int> { [0] = 1 }, default));
        Assert.False(await _store.RemapLocationsAsync(NewListing(), new Dictionary<int, int> { [0] = 1 }, default));
        Assert.Equal(-1, Assert.Single((await _store.GetScheduleAsync(listing, default))!.Windows).LocationIndex);
    }

    [Fact]
    public async Task Hours_set_while_a_remap_runs_are_never_lost()
    {
        // The practitioner moves everything to telehealth while the remap of location 0 runs. Whichever
        // lands first, the telehealth hours are what stays: a remap that read the old hours must not
        // write them back over the new ones.
        for (var round = 0; round < 40; round++)
        {
            var listing = NewListing();
            await _store.SaveScheduleAsync(new WeeklyAvailability { ListingId = listing, SessionMinutes = 60, Windows = { Window(Weekday.Monday, 0) } }, default);
            var telehealth = new WeeklyAvailability { ListingId = listing, SessionMinutes = 30, Windows = { Window(Weekday.Friday, -1) } };

            await Task.WhenAll(
                Task.Run(() => _store.RemapLocationsAsync(listing, new Dictionary<int, int> { [0] = 1 }, default)),
                Task.Run(() => _store.SaveScheduleAsync(telehealth, default)));

            var hours = (await _store.GetScheduleAsync(listing, default))!;
            Assert.Equal((30, Weekday.Friday, -1), (hours.SessionMinutes, Assert.Single(hours.Windows).Weekday, hours.Windows[0].LocationIndex));
        }
    }

    /// <summary>A listing id whose listing exists (a booking is confirmed only while it does), with no hours.</summary>
    private static string ExistingListing()
    {
        var id = NewListing();
        TestStore.Instance.Connection.GetDatabase().StringSet(RedisListingStore.ListingKey(id), "1:");
        return id;
    }

    private async Task<Hold> HoldAsync(string listing, int hour, int location)
    {
        var start = new DateTimeOffset(2030, 1, 7, 9 + hour, 0, 0, TimeSpan.Zero);
        var hold = new Hold
        {
            HoldId = AvailabilityIds.New(listing),
            Slot = new Slot { ListingId = listing, StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(50)), TimeZone = "UTC", LocationIndex = location },
            ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(5)),
        };
        Assert.True((await _store.HoldAsync("alice", hold, TimeSpan.FromMinutes(5), 0, 0, default)).Held);
        return hold;
    }

    private async Task<Booking> ConfirmAsync(Hold hold)
    {
        var booking = new Booking
        {
            BookingId = AvailabilityIds.BookingFor(hold.HoldId), Slot = hold.Slot, ClientId = "alice",
            State = BookingState.Confirmed, CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        };
        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(hold.HoldId, "alice", booking, 0, 0, default));
        return booking;
    }

    [Fact]
    public async Task Remapping_moves_live_holds_and_confirmed_and_cancelled_bookings_and_leaves_telehealth_alone()
    {
        var listing = ExistingListing();
        var confirmed = await ConfirmAsync(await HoldAsync(listing, 0, location: 0));
        var cancelled = await ConfirmAsync(await HoldAsync(listing, 1, location: 1));
        Assert.True(await _store.CancelAsync(cancelled.BookingId, default));
        var live = await HoldAsync(listing, 2, location: 0);
        var telehealth = await HoldAsync(listing, 3, location: -1);

        Assert.True(await _store.RemapLocationsAsync(listing, new Dictionary<int, int> { [0] = 1, [1] = 0 }, default));

        Assert.Equal(1, (await _store.GetBookingAsync(confirmed.BookingId, default))!.Slot.LocationIndex);
        Assert.Equal(0, (await _store.GetBookingAsync(cancelled.BookingId, default))!.Slot.LocationIndex);
        Assert.Equal(1, (await _store.GetHoldAsync(live.HoldId, default))!.Value.Hold.Slot.LocationIndex);
        Assert.Equal(-1, (await _store.GetHoldAsync(telehealth.HoldId, default))!.Value.Hold.Slot.LocationIndex);
        // The booking keeps its other fields, and the client still finds it.
        var mine = (await _store.ListClientBookingsAsync("alice", default)).Single(b => b.BookingId == confirmed.BookingId);
        Assert.Equal((confirmed.Slot.StartTime, BookingState.Confirmed), (mine.Slot.StartTime, mine.State));
    }

    [Fact]
    public async Task A_booking_confirmed_while_a_remap_runs_ends_up_at_the_new_index()
    {
        // Whichever lands first, the confirm or the remap, the booking names the place's new index: a
        // remap that read the hold must not miss the booking it became, nor write the hold's old slot.
        for (var round = 0; round < 40; round++)
        {
            var listing = ExistingListing();
            var hold = await HoldAsync(listing, 0, location: 0);
            var booking = AvailabilityIds.BookingFor(hold.HoldId);

            await Task.WhenAll(
                Task.Run(() => _store.RemapLocationsAsync(listing, new Dictionary<int, int> { [0] = 1 }, default)),
                Task.Run(() => ConfirmAsync(hold)));

            Assert.Equal(1, (await _store.GetBookingAsync(booking, default))!.Slot.LocationIndex);
        }
    }
}

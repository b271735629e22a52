using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using Xunit.Abstractions;

namespace HealingNetwork.Availability.Tests.Storage;

public sealed class RedisAvailabilityStoreTests(ITestOutputHelper output)
{
    private readonly RedisAvailabilityStore _store = new(TestStore.Instance.Connection);
    private static readonly DateTimeOffset Base = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    /// <summary>A listing id whose listing exists (a booking is confirmed only while it does); its hours are left to each test.</summary>
    private static string NewListing()
    {
        var id = Guid.NewGuid().ToString("N");
        TestStore.Instance.Connection.GetDatabase().StringSet(RedisListingStore.ListingKey(id), "1:");
        return id;
    }

    private static Hold NewHold(string listingId, int slotIndex, TimeSpan? ttl = null)
    {
        var start = Base.AddHours(slotIndex);
        return new Hold
        {
            HoldId = AvailabilityIds.New(listingId),
            Slot = new Slot { ListingId = listingId, StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(50)), LocalStart = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", null), TimeZone = "UTC", LocationIndex = -1 },
            ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + (ttl ?? Ttl)),
        };
    }

    private static Booking NewBooking(Hold hold, string client) => new()
    {
        BookingId = AvailabilityIds.New(hold.Slot.ListingId), Slot = hold.Slot, ClientId = client,
        State = BookingState.Confirmed, CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
    };

    private async Task<bool> Held(string client, Hold hold, TimeSpan ttl, CancellationToken ct) =>
        (await _store.HoldAsync(client, hold, ttl, 0, 0, ct)).Held;

    private async Task<bool> IsTakenAsync(Hold hold) =>
        (await _store.TakenAsync([(hold.Slot.ListingId, [(hold.Slot.StartTime.Seconds, hold.Slot.EndTime.Seconds)])], default))[0][0];

    [Fact]
    public async Task Second_hold_on_a_held_slot_loses()
    {
        var listing = NewListing();
        Assert.True(await Held("alice", NewHold(listing, 0), Ttl, default));
        Assert.False(await Held("bob", NewHold(listing, 0), Ttl, default));
        Assert.True(await Held("bob", NewHold(listing, 1), Ttl, default));
    }

    [Fact]
    public async Task Confirmed_hold_becomes_a_booking_that_keeps_the_slot_until_cancelled()
    {
        var listing = NewListing();
        var hold = NewHold(listing, 2);
        Assert.True(await Held("alice", hold, Ttl, default));
        var booking = NewBooking(hold, "alice");

        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(hold.HoldId, "alice", booking, 0, 0, default));
        Assert.Null(await _store.GetHoldAsync(hold.HoldId, default));
        Assert.True(await IsTakenAsync(hold));
        var listed = Assert.Single(await _store.ListBookingsAsync(listing, 0, long.MaxValue / 2, false, default));
        Assert.Equal(booking.BookingId, listed.BookingId);
        Assert.Equal("alice", listed.ClientId);
        Assert.Equal(hold.Slot, listed.Slot);

        Assert.True(await _store.CancelAsync(booking.BookingId, default));
        Assert.False(await _store.CancelAsync(booking.BookingId, default));
        Assert.False(await IsTakenAsync(hold));
        Assert.Empty(await _store.ListBookingsAsync(listing, 0, long.MaxValue / 2, false, default));
        var cancelled = Assert.Single(await _store.ListBookingsAsync(listing, 0, long.MaxValue / 2, true, default));
        Assert.Equal((booking.BookingId, BookingState.Cancelled), (cancelled.BookingId, cancelled.State));
        Assert.Equal(BookingState.Cancelled, (await _store.GetBookingAsync(booking.BookingId, default))!.State);
    }

    /// <summary>A hold of <paramref name="minutes"/> starting <paramref name="offsetMinutes"/> after slot 0 of <see cref="Base"/>.</summary>
    private static Hold HoldAt(string listingId, int offsetMinutes, int minutes, TimeSpan? ttl = null)
    {
        var hold = NewHold(listingId, 0, ttl);
        hold.Slot.StartTime = Timestamp.FromDateTimeOffset(Base.AddMinutes(offsetMinutes));
        hold.Slot.EndTime = Timestamp.FromDateTimeOffset(Base.AddMinutes(offsetMinutes + minutes));
        return hold;
    }

    [Fact]
    public async Task A_slot_overlapping_a_booking_of_another_start_can_not_be_held_but_an_adjacent_one_can()
    {
        var listing = NewListing();
        var booked = HoldAt(listing, 0, 50);
        Assert.True(await Held("alice", booked, Ttl, default));
        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(booked.HoldId, "alice", NewBooking(booked, "alice"), 0, 0, default));

        var overlapping = HoldAt(listing, 30, 30); // the session length changed to 30 minutes after alice booked
        var before = HoldAt(listing, -20, 30);     // ends 10 minutes into alice's session
        var after = HoldAt(listing, 50, 30);       // starts when alice's ends
        Assert.False(await Held("bob", overlapping, Ttl, default));
        Assert.False(await Held("bob", before, Ttl, default));
        Assert.True(await Held("bob", after, Ttl, default));
        Assert.Null(await _store.GetHoldAsync(overlapping.HoldId, default));

        var taken = (await _store.TakenAsync([(listing, [Span(overlapping), Span(before), Span(HoldAt(listing, -30, 30))])], default))[0];
        Assert.Equal([true, true, false], taken);
        // The refused holds left nothing behind: their exact starts are free for slots that fit.
        Assert.False((await _store.TakenAsync([(listing, [Span(HoldAt(listing, 80, 10))])], default))[0][0]);
    }

    [Fact]
    public async Task A_held_slot_blocks_overlapping_slots_until_it_lapses_is_erased_or_its_booking_is_cancelled()
    {
        var listing = NewListing();
        Assert.True(await Held("alice", HoldAt(listing, 0, 60), Ttl, default));
        Assert.False(await Held("bob", HoldAt(listing, 15, 60), Ttl, default));

        // A hold that lapses (a short TTL, and only "no longer counts" is asserted after it, so a slow machine cannot fail this).
        var ttl = TimeSpan.FromMilliseconds(300);
        Assert.True(await Held("dave", HoldAt(listing, 300, 60, ttl), ttl, default));
        await Task.Delay(ttl * 3);
        Assert.False((await _store.TakenAsync([(listing, [Span(HoldAt(listing, 315, 60))])], default))[0][0]);
        Assert.True(await Held("erin", HoldAt(listing, 315, 60), Ttl, default));

        // A booking blocks until it is cancelled; an erased client's hold stops blocking.
        var bobs = HoldAt(listing, 120, 60);
        Assert.True(await Held("bob", bobs, Ttl, default));
        var client = "forget-" + Guid.NewGuid().ToString("N");
        var booking = NewBooking(bobs, "bob");
        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(bobs.HoldId, "bob", booking, 0, 0, default));
        Assert.False(await Held(client, HoldAt(listing, 150, 60), Ttl, default));
        Assert.True(await _store.CancelAsync(booking.BookingId, default));
        Assert.True(await Held(client, HoldAt(listing, 150, 60), Ttl, default));

        Assert.False(await Held("carol", HoldAt(listing, 195, 30), Ttl, default));
        Assert.Equal((0, 1), await _store.ForgetClientAsync(client, default));
        Assert.True(await Held("carol", HoldAt(listing, 195, 30), Ttl, default));
    }

    [Fact]
    public async Task Bookings_made_before_calendars_existed_are_added_to_them_once_and_then_block_overlaps()
    {
        var db = TestStore.Instance.Connection.GetDatabase();
        var listing = NewListing();
        var legacy = HoldAt(listing, 0, 50);
        var bookingId = AvailabilityIds.New(listing);
        var start = legacy.Slot.StartTime.Seconds;
        // The layout an older Directory wrote: the slot lock, the booking hash without an end, the listing's booking index.
        await db.StringSetAsync(RedisAvailabilityStore.SlotKey(listing, start), bookingId);
        await db.HashSetAsync($"booking:{{{listing}}}{bookingId[listing.Length..]}",
            [new("client", "alice"), new("start", start), new("slot", legacy.Slot.ToByteArray()), new("state", "confirmed"), new("created", 1)]);
        await db.SortedSetAddAsync(RedisAvailabilityStore.BookingsKey(listing), bookingId, start);
        await db.KeyDeleteAsync(RedisAvailabilityStore.LayoutKey);

        // A Directory host starting in parallel (another test class) may run the migration too: it is
        // idempotent, so only the end state is asserted, not which run added the booking.
        await _store.MigrateLayoutAsync(default);
        Assert.Equal(0, await _store.MigrateLayoutAsync(default));
        Assert.Single(await db.SortedSetRangeByRankAsync(RedisAvailabilityStore.CalendarKey(listing)));

        Assert.False(await Held("carol", HoldAt(listing, 20, 30), Ttl, default));
        Assert.True((await _store.TakenAsync([(listing, [Span(HoldAt(listing, 40, 30))])], default))[0][0]);
        Assert.True(await _store.CancelAsync(bookingId, default));
        Assert.True(await Held("carol", HoldAt(listing, 0, 25), Ttl, default));
    }

    [Fact]
    public async Task Bookings_cancelled_before_cancellations_were_indexed_are_listed_to_the_owner_after_the_migration()
    {
        var db = TestStore.Instance.Connection.GetDatabase();
        var listing = NewListing();
        var (early, late) = (HoldAt(listing, 0, 50), HoldAt(listing, 120, 50));
        Assert.True(await Held("alice", late, Ttl, default));
        var confirmed = NewBooking(late, "alice");
        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(late.HoldId, "alice", confirmed, 0, 0, default));
        var cancelledId = AvailabilityIds.New(listing);
        // The layout an older Directory left for a cancelled booking: its hash, in no index.
        await db.HashSetAsync($"booking:{{{listing}}}{cancelledId[listing.Length..]}",
            [new("client", "bob"), new("start", early.Slot.StartTime.Seconds), new("end", early.Slot.EndTime.Seconds),
             new("slot", early.Slot.ToByteArray()), new("state", "cancelled"), new("created", 1)]);
        await db.StringSetAsync(RedisAvailabilityStore.LayoutKey, "2");

        // A Directory host starting in parallel may migrate too: only the end state is asserted.
        await _store.MigrateLayoutAsync(default);
        Assert.Equal(0, await _store.MigrateLayoutAsync(default));

        var listed = await _store.ListBookingsAsync(listing, 0, long.MaxValue / 2, true, default);
        Assert.Equal([(cancelledId, BookingState.Cancelled), (confirmed.BookingId, BookingState.Confirmed)], listed.Select(b => (b.BookingId, b.State)));
        Assert.Equal([confirmed.BookingId], (await _store.ListBookingsAsync(listing, 0, long.MaxValue / 2, false, default)).Select(b => b.BookingId));
    }

    private static (long Start, long End) Span(Hold hold) => (hold.Slot.StartTime.Seconds, hold.Slot.EndTime.Seconds);

    [Fact]
    public async Task Only_the_holder_can_confirm()
    {
        var hold = NewHold(NewListing(), 0);
        Assert.True(await Held("alice", hold, Ttl, default));
        Assert.Equal(ConfirmOutcome.NotYourHold, await _store.ConfirmAsync(hold.HoldId, "bob", NewBooking(hold, "bob"), 0, 0, default));
        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(hold.HoldId, "alice", NewBooking(hold, "alice"), 0, 0, default));
    }

    [Fact]
    public async Task Forgetting_a_client_erases_their_live_holds_and_opens_those_slots_but_not_other_clients_holds()
    {
        var (client, other) = ("forget-" + Guid.NewGuid().ToString("N"), "keep-" + Guid.NewGuid().ToString("N"));
        var listing = NewListing();
        var (mine, booked, theirs) = (NewHold(listing, 0), NewHold(listing, 1), NewHold(listing, 2));
        Assert.True(await Held(client, mine, Ttl, default));
        Assert.True(await Held(client, booked, Ttl, default));
        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(booked.HoldId, client, NewBooking(booked, client), 0, 0, default));
        Assert.True(await Held(other, theirs, Ttl, default));

        Assert.Equal((1, 1), await _store.ForgetClientAsync(client, default));

        Assert.Null(await _store.GetHoldAsync(mine.HoldId, default));
        Assert.False(await IsTakenAsync(mine));
        Assert.True(await IsTakenAsync(booked));
        Assert.NotNull(await _store.GetHoldAsync(theirs.HoldId, default));
        Assert.True(await IsTakenAsync(theirs));
        Assert.False(await TestStore.Instance.Connection.GetDatabase().KeyExistsAsync(RedisAvailabilityStore.ClientHoldsKey(client)));
    }

    [Fact]
    public async Task An_unconfirmed_hold_frees_its_slot_after_its_ttl()
    {
        // Long enough that the hold is surely still there when checked right after it is taken on a
        // busy machine (300 ms was not, under CI load), short enough to wait out.
        var ttl = TimeSpan.FromMilliseconds(1500);
        var hold = NewHold(NewListing(), 0, ttl);
        Assert.True(await Held("alice", hold, ttl, default));
        Assert.True(await IsTakenAsync(hold));

        await Task.Delay(ttl * 3);

        Assert.False(await IsTakenAsync(hold));
        Assert.Null(await _store.GetHoldAsync(hold.HoldId, default));
        Assert.Equal(ConfirmOutcome.HoldLapsed, await _store.ConfirmAsync(hold.HoldId, "alice", NewBooking(hold, "alice"), 0, 0, default));
        Assert.True(await Held("bob", NewHold(hold.Slot.ListingId, 0), Ttl, default));
    }

    [Fact]
    public async Task Sixty_four_clients_racing_for_a_thousand_slots_book_each_slot_exactly_once()
    {
        const int Clients = 64, Slots = 1000;
        var listing = NewListing();
        var wins = new ConcurrentBag<(string Client, int Slot)>();
        var attempts = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var client = $"client-{c}";
            foreach (var slot in Enumerable.Range(0, Slots).OrderBy(_ => Random.Shared.Next()))
            {
                Interlocked.Increment(ref attempts);
                var hold = NewHold(listing, slot);
                if (!await Held(client, hold, Ttl, default)) continue;
                if (await _store.ConfirmAsync(hold.HoldId, client, NewBooking(hold, client), 0, 0, default) == ConfirmOutcome.Confirmed)
                    wins.Add((client, slot));
            }
        })));
        clock.Stop();

        var bookings = await _store.ListBookingsAsync(listing, 0, long.MaxValue / 2, false, default);
        Assert.Equal(Slots, wins.Count);
        Assert.Equal(Slots, wins.Select(w => w.Slot).Distinct().Count());
        Assert.Equal(Slots, bookings.Count);
        Assert.Equal(Slots, bookings.Select(b => b.Slot.StartTime.Seconds).Distinct().Count());
        output.WriteLine($"{TestStore.Instance.Kind}: {Clients} clients, {attempts} hold attempts, {Slots} bookings, 0 double bookings in {clock.ElapsedMilliseconds} ms " +
            $"({attempts / clock.Elapsed.TotalSeconds:F0} attempts/s, {Slots / clock.Elapsed.TotalSeconds:F0} bookings/s)");
    }

    private static WeeklyAvailability MondayMornings(string listingId) => new()
    {
        ListingId = listingId, TimeZone = "UTC", SessionMinutes = 50,
        Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = -1 } },
    };

    private static AvailabilityException Closed(string id, DateTimeOffset day) =>
        new() { Id = id, Date = day.ToString("yyyy-MM-dd", null), Kind = ExceptionKind.Closed };

    private static (long From, long To) Day(DateTimeOffset day) =>
        (new DateTimeOffset(day.Date, TimeSpan.Zero).ToUnixTimeSeconds(), new DateTimeOffset(day.Date.AddDays(1), TimeSpan.Zero).ToUnixTimeSeconds());

    [Fact]
    public async Task Every_change_to_the_hours_moves_the_version_and_a_hold_or_confirm_against_an_older_one_is_refused()
    {
        var listing = NewListing();
        Assert.Equal(0, (await _store.GetVersionedScheduleAsync(listing, default)).Version);
        await _store.SaveScheduleAsync(MondayMornings(listing), default);
        var version = (await _store.GetVersionedScheduleAsync(listing, default)).Version;
        Assert.Equal(1, version);

        var stale = await _store.HoldAsync("alice", NewHold(listing, 0), Ttl, version - 1, 0, default);
        Assert.Equal((false, (string?)null, true), (stale.Held, stale.TakenBy, stale.VersionMoved));
        var hold = NewHold(listing, 0);
        Assert.False(await IsTakenAsync(hold));
        Assert.True((await _store.HoldAsync("alice", hold, Ttl, version, 0, default)).Held);
        Assert.Equal(version, (await _store.GetHoldAsync(hold.HoldId, default))!.Value.Version);

        Assert.True((await _store.AddExceptionAsync(listing, Closed("next-day", Base.AddDays(1)), 10, Day(Base.AddDays(1)), null, default)).Added);
        Assert.Equal(ConfirmOutcome.VersionMoved, await _store.ConfirmAsync(hold.HoldId, "alice", NewBooking(hold, "alice"), version, 0, default));
        Assert.True(await _store.RemoveExceptionAsync(listing, "next-day", default));
        await _store.MoveVersionAsync(listing, default);
        var moved = (await _store.GetVersionedScheduleAsync(listing, default)).Version;
        Assert.Equal(version + 3, moved);
        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(hold.HoldId, "alice", NewBooking(hold, "alice"), moved, 0, default));
    }

    [Fact]
    public async Task Closing_a_day_is_refused_by_confirmed_bookings_overlapping_it_but_not_by_holds()
    {
        var listing = NewListing();
        await _store.SaveScheduleAsync(MondayMornings(listing), default);
        var (booked, held) = (NewHold(listing, 0), NewHold(listing, 2));
        Assert.True((await _store.HoldAsync("alice", booked, Ttl, 1, 0, default)).Held);
        var booking = NewBooking(booked, "alice");
        Assert.Equal(ConfirmOutcome.Confirmed, await _store.ConfirmAsync(booked.HoldId, "alice", booking, 1, 0, default));
        Assert.True((await _store.HoldAsync("bob", held, Ttl, 1, 0, default)).Held);

        var refused = await _store.AddExceptionAsync(listing, Closed("c1", Base), 10, Day(Base), null, default);
        var nextDay = await _store.AddExceptionAsync(listing, Closed("c2", Base.AddDays(1)), 10, Day(Base.AddDays(1)), null, default);

        Assert.False(refused.Added);
        Assert.Equal([booking.BookingId], refused.Booked);
        Assert.True(nextDay.Added);
        Assert.Equal(["c2"], (await _store.GetVersionedScheduleAsync(listing, default)).Schedule!.Exceptions.Select(e => e.Id));
        Assert.True(await _store.CancelAsync(booking.BookingId, default));
        Assert.True((await _store.AddExceptionAsync(listing, Closed("c1", Base), 10, Day(Base), null, default)).Added);
    }

    [Fact]
    public async Task A_hold_is_not_confirmed_once_its_listing_is_gone_and_can_be_let_go()
    {
        var (listing, alice) = (NewListing(), "alice-" + Guid.NewGuid().ToString("N"));
        var hold = NewHold(listing, 0);
        Assert.True(await Held(alice, hold, Ttl, default));
        await TestStore.Instance.Connection.GetDatabase().KeyDeleteAsync(RedisListingStore.ListingKey(listing));

        Assert.Equal(ConfirmOutcome.ListingGone, await _store.ConfirmAsync(hold.HoldId, alice, NewBooking(hold, alice), 0, 0, default));
        Assert.False(await _store.ReleaseHoldAsync(hold.HoldId, "bob", default));
        Assert.True(await _store.ReleaseHoldAsync(hold.HoldId, alice, default));
        Assert.False(await IsTakenAsync(hold));
        Assert.Empty(await _store.ListClientHoldsAsync(alice, default));
    }

    [Fact]
    public async Task Schedules_and_exceptions_round_trip_in_one_batch()
    {
        var (a, b) = (NewListing(), NewListing());
        await _store.SaveScheduleAsync(new WeeklyAvailability { ListingId = a, TimeZone = "Europe/Berlin", SessionMinutes = 50, Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00" } } }, default);
        Assert.True((await _store.AddExceptionAsync(a, new AvailabilityException { Id = "x1", Date = "2030-01-07", Kind = ExceptionKind.Closed }, 1, null, null, default)).Added);
        Assert.False((await _store.AddExceptionAsync(a, new AvailabilityException { Id = "x2", Date = "2030-01-08", Kind = ExceptionKind.Closed }, 1, null, null, default)).Added);

        var schedules = await _store.GetSchedulesAsync([a, b], default);

        Assert.Equal("x1", Assert.Single(schedules[0]!.Exceptions).Id);
        Assert.Null(schedules[1]);
        Assert.True(await _store.RemoveExceptionAsync(a, "x1", default));
        Assert.Empty((await _store.GetScheduleAsync(a, default))!.Exceptions);
    }

    [Fact]
    public async Task A_large_batch_reads_exceptions_only_for_listings_that_publish_hours_and_keeps_the_order()
    {
        // Above a few ids the store reads schedules first, then exceptions for those that have one.
        var ids = Enumerable.Range(0, 40).Select(_ => NewListing()).ToArray();
        var published = new[] { 3, 17, 39 };
        foreach (var i in published)
        {
            await _store.SaveScheduleAsync(new WeeklyAvailability { ListingId = ids[i], TimeZone = "America/Chicago", SessionMinutes = 30 + i, Windows = { new WeeklyWindow { Weekday = Weekday.Tuesday, Start = "10:00", End = "11:00" } } }, default);
            Assert.True((await _store.AddExceptionAsync(ids[i], new AvailabilityException { Id = $"b-{i}", Date = "2030-02-05", Kind = ExceptionKind.Closed }, 5, null, null, default)).Added);
            Assert.True((await _store.AddExceptionAsync(ids[i], new AvailabilityException { Id = $"a-{i}", Date = "2030-01-01", Kind = ExceptionKind.Closed }, 5, null, null, default)).Added);
        }

        var schedules = await _store.GetSchedulesAsync(ids, default);

        Assert.Equal(ids.Length, schedules.Count);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!published.Contains(i)) { Assert.Null(schedules[i]); continue; }
            Assert.Equal(30 + i, schedules[i]!.SessionMinutes);
            Assert.Equal([$"a-{i}", $"b-{i}"], schedules[i]!.Exceptions.Select(e => e.Id));
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using Ical.Net;
using Xunit.Abstractions;

namespace HealingNetwork.Availability.Tests.Api;

public sealed class AvailabilityApiTests(DirectoryHost host, ITestOutputHelper output) : IClassFixture<DirectoryHost>
{
    private readonly AvailabilityService.AvailabilityServiceClient _client = host.Client;

    /// <summary>Every day, nearly all day, 10-minute sessions: open slots exist whenever the test runs.</summary>
    private async Task<Listing> OpenAllWeekAsync(string owner, int session = 10)
    {
        var listing = await host.CreateListingAsync(owner);
        await SetOpenAllWeekAsync(listing.Id, owner, session);
        return listing;
    }

    private Task SetOpenAllWeekAsync(string listingId, string owner, int session) =>
        SetEveryDayAsync(listingId, owner, session, "00:00", "23:50");

    /// <summary>The same hours every day of the week, by telehealth.</summary>
    private async Task SetEveryDayAsync(string listingId, string owner, int session, string start, string end)
    {
        var request = new SetWeeklyAvailabilityRequest { ListingId = listingId, SessionMinutes = session };
        for (var day = Weekday.Monday; day <= Weekday.Sunday; day++)
            request.Windows.Add(new WeeklyWindow { Weekday = day, Start = start, End = end, LocationIndex = -1 });
        await _client.SetWeeklyAvailabilityAsync(request, DirectoryHost.As(owner));
    }

    /// <param name="fromDays">Days from now where the slots begin: a long race starts tomorrow, so none of its slots passes into the past while it runs.</param>
    private async Task<IReadOnlyList<Slot>> OpenSlotsAsync(string listingId, int pageSize = 200, int days = 14, int fromDays = 0)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new ListOpenSlotsRequest { ListingId = listingId, PageSize = pageSize, EndTime = Timestamp.FromDateTimeOffset(now.AddDays(fromDays + days)) };
        if (fromDays > 0) request.StartTime = Timestamp.FromDateTimeOffset(now.AddDays(fromDays));
        return (await _client.ListOpenSlotsAsync(request)).Slots;
    }

    private static BadRequest BadRequestOf(RpcException ex)
    {
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        return ex.GetRpcStatus()!.GetDetail<BadRequest>()!;
    }

    [Fact]
    public async Task Sixty_four_clients_racing_through_grpc_book_every_slot_at_most_once()
    {
        const int Clients = 64, SlotCount = 1000;
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await OpenAllWeekAsync(owner);
        var slots = await OpenSlotsAsync(listing.Id, SlotCount, fromDays: 1);
        Assert.Equal(SlotCount, slots.Count);

        var wins = new ConcurrentBag<Booking>();
        var (attempts, lost) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var caller = DirectoryHost.As($"client-{c}");
            foreach (var slot in slots.OrderBy(_ => Random.Shared.Next()))
            {
                Interlocked.Increment(ref attempts);
                try
                {
                    var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, caller);
                    wins.Add(await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, caller));
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
                {
                    Interlocked.Increment(ref lost);
                }
            }
        })));
        clock.Stop();

        var booked = (await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings;
        Assert.Equal(SlotCount, wins.Count);
        Assert.Equal(SlotCount, wins.Select(w => w.Slot.StartTime).Distinct().Count());
        Assert.Equal(SlotCount, booked.Count);
        Assert.Equal(SlotCount, booked.Select(b => b.Slot.StartTime).Distinct().Count());
        Assert.Equal(attempts - SlotCount, lost);
        Assert.DoesNotContain(await OpenSlotsAsync(listing.Id, SlotCount, fromDays: 1), s => booked.Any(b => b.Slot.StartTime == s.StartTime));
        output.WriteLine($"gRPC race on {host.Backend}: {Clients} clients, {attempts} HoldSlot calls, {SlotCount} bookings, 0 double bookings, " +
            $"{clock.ElapsedMilliseconds} ms = {(attempts + SlotCount) / clock.Elapsed.TotalSeconds:F0} RPC/s");
    }

    [Fact]
    public async Task After_the_session_length_changes_slots_overlapping_a_booking_are_neither_offered_nor_holdable()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await OpenAllWeekAsync(owner, session: 50);
        var booked = (await OpenSlotsAsync(listing.Id, 1, fromDays: 1))[0];
        var alice = DirectoryHost.As("alice-" + Guid.NewGuid().ToString("N"));
        var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = booked.StartTime }, alice);
        await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, alice);

        await SetOpenAllWeekAsync(listing.Id, owner, session: 10); // sessions now start every 10 minutes
        var open = await OpenSlotsAsync(listing.Id, 200, days: 1, fromDays: 1);

        Assert.DoesNotContain(open, s => s.StartTime < booked.EndTime && s.EndTime > booked.StartTime);
        Assert.Contains(open, s => s.StartTime == booked.EndTime);
        var inside = Timestamp.FromDateTimeOffset(booked.StartTime.ToDateTimeOffset().AddMinutes(20));
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = inside }, DirectoryHost.As("bob")).ResponseAsync);
        Assert.Equal((StatusCode.AlreadyExists, "Someone else is holding or has booked that slot, or a session overlapping it; pick another."),
            (refused.StatusCode, refused.Status.Detail));
        var own = await Assert.ThrowsAsync<RpcException>(() =>
            _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = inside }, alice).ResponseAsync);
        Assert.StartsWith("You have a booking overlapping that slot (booking ", own.Status.Detail);
        var bookings = (await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings;
        Assert.Equal(hold.Slot.StartTime, Assert.Single(bookings).Slot.StartTime);
    }

    [Fact]
    public async Task Extra_hours_overlapping_the_weekly_hours_never_book_the_practitioner_twice()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await host.CreateListingAsync(owner);
        await SetEveryDayAsync(listing.Id, owner, 60, "09:00", "12:00");
        var date = (await OpenSlotsAsync(listing.Id, 1, fromDays: 2))[0].LocalStart[..10];
        await _client.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id,
            Exception = new AvailabilityException { Date = date, Kind = ExceptionKind.ExtraHours, Start = "10:15", End = "11:15", LocationIndex = -1 },
        }, DirectoryHost.As(owner));
        var onDate = (await OpenSlotsAsync(listing.Id, 200, days: 5, fromDays: 1)).Where(s => s.LocalStart.StartsWith(date)).ToArray();
        var ten = onDate.Single(s => s.LocalStart[11..16] == "10:00");
        var quarterPast = onDate.Single(s => s.LocalStart[11..16] == "10:15"); // offered while 10:00 is open

        var alice = DirectoryHost.As("alice-" + Guid.NewGuid().ToString("N"));
        var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = ten.StartTime }, alice);
        await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, alice);

        var after = (await OpenSlotsAsync(listing.Id, 200, days: 5, fromDays: 1)).Where(s => s.LocalStart.StartsWith(date)).Select(s => s.LocalStart[11..16]).ToArray();
        Assert.Equal(["09:00", "11:00"], after); // 10:15, inside alice's 10:00-11:00, is gone
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = quarterPast.StartTime }, DirectoryHost.As("bob")).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
    }

    [Fact]
    public async Task Closing_a_booked_day_or_deleting_a_booked_listing_is_refused_until_the_booking_is_cancelled()
    {
        var (owner, listing, slot, client, hold) = await HeldSlotAsync();
        var booking = await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, client);
        var day = slot.LocalStart[..10]; // the practitioner's local date
        var closeDay = new AddExceptionRequest { ListingId = listing.Id, Exception = new AvailabilityException { Date = day, Kind = ExceptionKind.Closed } };
        var directory = new DirectoryService.DirectoryServiceClient(host.Channel);

        var closing = await Assert.ThrowsAsync<RpcException>(() => _client.AddExceptionAsync(closeDay, DirectoryHost.As(owner)).ResponseAsync);
        var deleting = await Assert.ThrowsAsync<RpcException>(() =>
            directory.DeleteListingAsync(new DeleteListingRequest { Id = listing.Id }, DirectoryHost.As(owner)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, closing.StatusCode);
        Assert.Contains(booking.BookingId, closing.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, deleting.StatusCode);
        Assert.Contains(booking.BookingId, deleting.Status.Detail);
        Assert.Equal(BookingState.Confirmed, Assert.Single((await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings).State);
        // The next day is free to close; once the booking is cancelled, so is its day, and the listing can go.
        var nextDay = new AddExceptionRequest { ListingId = listing.Id, Exception = new AvailabilityException { Date = DateOnly.Parse(day).AddDays(1).ToString("yyyy-MM-dd"), Kind = ExceptionKind.Closed } };
        await _client.AddExceptionAsync(nextDay, DirectoryHost.As(owner));
        await _client.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.BookingId }, DirectoryHost.As(owner));
        await _client.AddExceptionAsync(closeDay, DirectoryHost.As(owner));
        await directory.DeleteListingAsync(new DeleteListingRequest { Id = listing.Id }, DirectoryHost.As(owner));
    }

    /// <summary>A listing open all week with 50-minute sessions, and a client's hold on its first slot the day after tomorrow.</summary>
    private async Task<(string Owner, Listing Listing, Slot Slot, Metadata Client, Hold Hold)> HeldSlotAsync()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await OpenAllWeekAsync(owner, session: 50);
        var slot = (await OpenSlotsAsync(listing.Id, 1, fromDays: 2))[0];
        var client = DirectoryHost.As("client-" + Guid.NewGuid().ToString("N"));
        return (owner, listing, slot, client, await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, client));
    }

    [Fact]
    public async Task A_hold_on_a_day_closed_afterwards_is_not_confirmed_and_its_slot_is_let_go()
    {
        var (owner, listing, slot, client, hold) = await HeldSlotAsync();

        // A hold is not a booking: the practitioner may still close the day.
        await _client.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id, Exception = new AvailabilityException { Date = slot.LocalStart[..10], Kind = ExceptionKind.Closed },
        }, DirectoryHost.As(owner));
        var confirming = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, client).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, confirming.StatusCode);
        Assert.StartsWith("The practitioner changed their hours after you held this slot", confirming.Status.Detail);
        Assert.Empty((await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings);
        Assert.Empty((await _client.ListMyBookingsAsync(new ListMyBookingsRequest(), client)).Holds);
    }

    [Fact]
    public async Task A_hold_whose_session_the_new_hours_shorten_is_not_confirmed()
    {
        var (owner, listing, slot, client, hold) = await HeldSlotAsync();

        await SetOpenAllWeekAsync(listing.Id, owner, session: 30); // the same start is offered, for 30 minutes, not the 50 held
        var confirming = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, client).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, confirming.StatusCode);
        Assert.Empty((await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings);
    }

    [Fact]
    public async Task A_hold_the_changed_hours_still_offer_is_confirmed()
    {
        var (owner, listing, slot, client, hold) = await HeldSlotAsync();

        await SetOpenAllWeekAsync(listing.Id, owner, session: 50); // set again, as a form's save does
        await _client.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id,
            Exception = new AvailabilityException { Date = DateOnly.Parse(slot.LocalStart[..10]).AddDays(1).ToString("yyyy-MM-dd"), Kind = ExceptionKind.Closed },
        }, DirectoryHost.As(owner));
        var booking = await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, client);

        Assert.Equal(slot, booking.Slot);
        Assert.Equal(booking.BookingId, Assert.Single((await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings).BookingId);
    }

    [Fact]
    public async Task A_hold_on_a_listing_deleted_afterwards_is_not_confirmed()
    {
        var (owner, listing, slot, client, hold) = await HeldSlotAsync();

        await new DirectoryService.DirectoryServiceClient(host.Channel).DeleteListingAsync(new DeleteListingRequest { Id = listing.Id }, DirectoryHost.As(owner));
        var confirming = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, client).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "The practitioner deleted this listing after you held the slot; nothing was booked."),
            (confirming.StatusCode, confirming.Status.Detail));
        Assert.Empty((await _client.ListMyBookingsAsync(new ListMyBookingsRequest(), client)).Bookings);
    }

    [Fact]
    public async Task Closing_a_day_while_its_holds_are_confirmed_leaves_either_the_day_closed_or_the_bookings_never_both()
    {
        const int Days = 12;
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await OpenAllWeekAsync(owner, session: 50);
        var slots = (await OpenSlotsAsync(listing.Id, 200, days: Days, fromDays: 1)).GroupBy(s => s.LocalStart[..10]).Take(Days).Select(d => d.First()).ToArray();
        var clients = slots.Select(_ => DirectoryHost.As("client-" + Guid.NewGuid().ToString("N"))).ToArray();
        var holds = await Task.WhenAll(slots.Select((s, i) => _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = s.StartTime }, clients[i]).ResponseAsync));

        // Each day: its client confirms their hold while the owner closes the day, both at once.
        var outcomes = await Task.WhenAll(slots.Select(async (slot, i) =>
        {
            var confirm = Succeeds(_client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = holds[i].HoldId }, clients[i]).ResponseAsync);
            var close = Succeeds(_client.AddExceptionAsync(new AddExceptionRequest
            {
                ListingId = listing.Id, Exception = new AvailabilityException { Date = slot.LocalStart[..10], Kind = ExceptionKind.Closed },
            }, DirectoryHost.As(owner)).ResponseAsync);
            return (Booked: await confirm, Closed: await close);
        }));

        output.WriteLine($"booked {outcomes.Count(o => o.Booked)}, closed {outcomes.Count(o => o.Closed)} of {Days} days");
        // Twelve closes of one schedule and twelve confirms at once: a day's close and confirm may both
        // run out of tries (ABORTED, each caller told to retry), but never both succeed.
        Assert.All(outcomes, o => Assert.False(o.Booked && o.Closed, "booked and closed"));
        Assert.Contains(outcomes, o => o.Booked || o.Closed);
        var schedule = await _client.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id }, DirectoryHost.As(owner));
        var bookings = (await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings;
        Assert.DoesNotContain(bookings, b => schedule.Exceptions.Any(e => e.Date == b.Slot.LocalStart[..10]));

        static async Task<bool> Succeeds(Task call)
        {
            try { await call; return true; }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted) { return false; }
        }
    }

    [Fact]
    public async Task The_owner_sees_cancelled_bookings_when_asking_for_them()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await OpenAllWeekAsync(owner, session: 50);
        var slots = await OpenSlotsAsync(listing.Id, 2, fromDays: 1);
        var client = DirectoryHost.As("client-" + Guid.NewGuid().ToString("N"));
        async Task<Booking> BookAsync(Slot slot) => await _client.ConfirmBookingAsync(new ConfirmBookingRequest
        {
            HoldId = (await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, client)).HoldId,
        }, client);
        var (first, second) = (await BookAsync(slots[0]), await BookAsync(slots[1]));
        await _client.CancelBookingAsync(new CancelBookingRequest { BookingId = first.BookingId }, client);

        var confirmedOnly = await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner));
        var all = await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id, IncludeCancelled = true }, DirectoryHost.As(owner));

        Assert.Equal([second.BookingId], confirmedOnly.Bookings.Select(b => b.BookingId));
        Assert.Equal([(first.BookingId, BookingState.Cancelled), (second.BookingId, BookingState.Confirmed)], all.Bookings.Select(b => (b.BookingId, b.State)));
    }

    [Fact]
    public async Task A_caller_whose_id_is_the_erased_marker_is_nobodys_client()
    {
        var (owner, listing, _, client, hold) = await HeldSlotAsync();
        var booking = await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, client);
        await _client.ForgetMeAsync(new ForgetMeRequest(), client);
        var erased = DirectoryHost.As("erased");

        var cancelling = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.BookingId }, erased).ResponseAsync);
        var slot = (await OpenSlotsAsync(listing.Id, 1, fromDays: 3))[0];
        var holding = await Assert.ThrowsAsync<RpcException>(() =>
            _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, erased).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, cancelling.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, holding.StatusCode);
        var kept = Assert.Single((await _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As(owner))).Bookings);
        Assert.Equal((BookingState.Confirmed, "erased"), (kept.State, kept.ClientId));
        await _client.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.BookingId }, DirectoryHost.As(owner)); // the owner still can
    }

    [Fact]
    public async Task A_practice_not_taking_new_clients_takes_bookings_from_its_returning_clients_only()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await host.CreateListingAsync(owner);
        await SetOpenAllWeekAsync(listing.Id, owner, session: 50);
        var slots = await OpenSlotsAsync(listing.Id, 3, fromDays: 1);
        var (returning, newcomer) = (DirectoryHost.As("returning-" + Guid.NewGuid().ToString("N")), DirectoryHost.As("new-" + Guid.NewGuid().ToString("N")));
        Task<Hold> HoldAsync(Slot slot, Metadata who) =>
            _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, who).ResponseAsync;
        await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = (await HoldAsync(slots[0], returning)).HoldId }, returning);
        await host.SetAcceptingNewClientsAsync(listing.Id, false);

        var refused = await Assert.ThrowsAsync<RpcException>(() => HoldAsync(slots[1], newcomer));
        var again = await HoldAsync(slots[2], returning);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("not taking new clients", refused.Status.Detail);
        Assert.Equal(slots[2], again.Slot);
    }

    [Fact]
    public async Task One_client_holds_at_most_three_slots_of_a_listing_at_once()
    {
        var listing = await OpenAllWeekAsync("owner-" + Guid.NewGuid().ToString("N"), session: 50);
        var other = await OpenAllWeekAsync("owner-" + Guid.NewGuid().ToString("N"), session: 50);
        var slots = await OpenSlotsAsync(listing.Id, 5, fromDays: 1);
        var client = DirectoryHost.As("client-" + Guid.NewGuid().ToString("N"));
        Task<Hold> HoldAsync(string listingId, Slot slot) =>
            _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listingId, StartTime = slot.StartTime }, client).ResponseAsync;
        var held = new List<Hold>();
        for (var i = 0; i < BookingParties.MaxLiveHoldsPerListing; i++) held.Add(await HoldAsync(listing.Id, slots[i]));

        var fourth = await Assert.ThrowsAsync<RpcException>(() => HoldAsync(listing.Id, slots[3]));
        var elsewhere = await HoldAsync(other.Id, (await OpenSlotsAsync(other.Id, 1, fromDays: 1))[0]);
        await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = held[0].HoldId }, client);
        var afterConfirming = await HoldAsync(listing.Id, slots[3]);

        Assert.Equal(StatusCode.FailedPrecondition, fourth.StatusCode);
        Assert.StartsWith($"You already hold {BookingParties.MaxLiveHoldsPerListing} slots of this listing", fourth.Status.Detail);
        Assert.Equal(other.Id, elsewhere.Slot.ListingId);
        Assert.Equal(slots[3], afterConfirming.Slot);
    }

    [Fact]
    public async Task Invalid_windows_are_invalid_argument_with_field_violations()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await host.CreateListingAsync(owner);
        var request = new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows =
            {
                new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = -1 },
                new WeeklyWindow { Weekday = Weekday.Monday, Start = "11:00", End = "13:00", LocationIndex = -1 },
                new WeeklyWindow { Weekday = Weekday.Tuesday, Start = "12:00", End = "09:00", LocationIndex = -1 },
            },
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.SetWeeklyAvailabilityAsync(request, DirectoryHost.As(owner)).ResponseAsync);

        Assert.Equal(["windows[2].end", "windows[1]"], BadRequestOf(ex).FieldViolations.Select(f => f.Field));
    }

    [Fact]
    public async Task Only_the_owner_changes_availability()
    {
        var listing = await host.CreateListingAsync("owner-" + Guid.NewGuid().ToString("N"));
        var request = new SetWeeklyAvailabilityRequest { ListingId = listing.Id, SessionMinutes = 60 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.SetWeeklyAvailabilityAsync(request, DirectoryHost.As("intruder")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => _client.SetWeeklyAvailabilityAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task Only_the_owner_sees_a_listings_bookings_and_anyone_else_is_told_so()
    {
        var listing = await host.CreateListingAsync("owner-" + Guid.NewGuid().ToString("N"));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ListBookingsAsync(new ListBookingsRequest { ListingId = listing.Id }, DirectoryHost.As("intruder")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("Only the listing's owner can see its bookings.", ex.Status.Detail);
    }

    [Fact]
    public async Task Holding_again_a_slot_you_hold_or_booked_points_at_your_hold_or_booking_not_at_someone_else()
    {
        var listing = await OpenAllWeekAsync("owner-" + Guid.NewGuid().ToString("N"));
        var (alice, bob) = (DirectoryHost.As("alice-" + Guid.NewGuid().ToString("N")), DirectoryHost.As("bob-" + Guid.NewGuid().ToString("N")));
        var slots = await OpenSlotsAsync(listing.Id, 2, fromDays: 1);
        Task<Hold> HoldAsync(Slot slot, Metadata who) =>
            _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, who).ResponseAsync;
        var held = await HoldAsync(slots[0], alice);

        var again = await Assert.ThrowsAsync<RpcException>(() => HoldAsync(slots[0], alice));
        var other = await Assert.ThrowsAsync<RpcException>(() => HoldAsync(slots[0], bob));

        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.StartsWith($"You already hold that slot (hold {held.HoldId}, until ", again.Status.Detail);
        Assert.Equal((StatusCode.AlreadyExists, "Someone else is holding or has booked that slot, or a session overlapping it; pick another."), (other.StatusCode, other.Status.Detail));

        var booking = await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = (await HoldAsync(slots[1], alice)).HoldId }, alice);
        var afterBooking = await Assert.ThrowsAsync<RpcException>(() => HoldAsync(slots[1], alice));
        Assert.Equal((StatusCode.AlreadyExists, $"You have already booked that slot (booking {booking.BookingId})."), (afterBooking.StatusCode, afterBooking.Status.Detail));
    }

    [Fact]
    public async Task Confirming_a_hold_twice_says_it_was_already_confirmed_and_names_the_booking()
    {
        var listing = await OpenAllWeekAsync("owner-" + Guid.NewGuid().ToString("N"));
        var alice = DirectoryHost.As("alice-" + Guid.NewGuid().ToString("N"));
        var slot = (await OpenSlotsAsync(listing.Id, 1, fromDays: 1))[0];
        var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, alice);
        var confirm = new ConfirmBookingRequest { HoldId = hold.HoldId };
        var booking = await _client.ConfirmBookingAsync(confirm, alice);

        var twice = await Assert.ThrowsAsync<RpcException>(() => _client.ConfirmBookingAsync(confirm, alice).ResponseAsync);
        var byAnother = await Assert.ThrowsAsync<RpcException>(() => _client.ConfirmBookingAsync(confirm, DirectoryHost.As("mallory")).ResponseAsync);
        await _client.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.BookingId }, alice);
        var afterCancel = await Assert.ThrowsAsync<RpcException>(() => _client.ConfirmBookingAsync(confirm, alice).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, $"That hold was already confirmed: booking {booking.BookingId}."), (twice.StatusCode, twice.Status.Detail));
        // Someone else's hold id tells them nothing about the booking.
        Assert.Equal((StatusCode.FailedPrecondition, "The hold lapsed or does not exist; hold the slot again."), (byAnother.StatusCode, byAnother.Status.Detail));
        Assert.Equal((StatusCode.FailedPrecondition, $"That hold was confirmed as booking {booking.BookingId}, since cancelled; hold the slot again."),
            (afterCancel.StatusCode, afterCancel.Status.Detail));
        Assert.NotEqual(hold.HoldId, booking.BookingId);
    }

    [Fact]
    public async Task Holding_a_past_instant_is_invalid_and_a_non_slot_is_a_failed_precondition()
    {
        var listing = await OpenAllWeekAsync("owner-" + Guid.NewGuid().ToString("N"));
        var caller = DirectoryHost.As("client");
        var first = (await OpenSlotsAsync(listing.Id, 1))[0];

        var past = await Assert.ThrowsAsync<RpcException>(() => _client.HoldSlotAsync(
            new HoldSlotRequest { ListingId = listing.Id, StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)) }, caller).ResponseAsync);
        Assert.Equal(["start_time"], BadRequestOf(past).FieldViolations.Select(f => f.Field));

        var offGrid = new Timestamp { Seconds = first.StartTime.Seconds + 60 };
        var notSlot = await Assert.ThrowsAsync<RpcException>(() => _client.HoldSlotAsync(
            new HoldSlotRequest { ListingId = listing.Id, StartTime = offGrid }, caller).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, notSlot.StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_hold_frees_its_slot_after_the_configured_ttl()
    {
        var listing = await OpenAllWeekAsync("owner-" + Guid.NewGuid().ToString("N"));
        // Slots from tomorrow on: today's first slot may pass into the past while the hold lapses.
        var slot = (await OpenSlotsAsync(listing.Id, 1, fromDays: 1))[0];
        var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, DirectoryHost.As("alice"));
        Assert.NotEqual(slot.StartTime, (await OpenSlotsAsync(listing.Id, 1, fromDays: 1))[0].StartTime);

        await Task.Delay(DirectoryHost.HoldTtl * 2);

        Assert.Equal(slot.StartTime, (await OpenSlotsAsync(listing.Id, 1, fromDays: 1))[0].StartTime);
        var lapsed = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, DirectoryHost.As("alice")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, lapsed.StatusCode);
    }

    [Fact]
    public async Task A_client_lists_their_own_bookings_on_every_listing_and_nobody_elses()
    {
        var (client, other) = ("client-" + Guid.NewGuid().ToString("N"), "other-" + Guid.NewGuid().ToString("N"));
        var first = await OpenAllWeekAsync("owner-" + Guid.NewGuid().ToString("N"));
        var second = await OpenAllWeekAsync("owner-" + Guid.NewGuid().ToString("N"));
        async Task<Booking> BookAsync(Listing listing, int index, string who)
        {
            var slot = (await OpenSlotsAsync(listing.Id, index + 1))[index];
            var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, DirectoryHost.As(who));
            return await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, DirectoryHost.As(who));
        }
        var kept = await BookAsync(first, 0, client);
        var cancelled = await _client.CancelBookingAsync(new CancelBookingRequest { BookingId = (await BookAsync(second, 0, client)).BookingId }, DirectoryHost.As(client));
        await BookAsync(first, 1, other);

        var mine = await _client.ListMyBookingsAsync(new ListMyBookingsRequest(), DirectoryHost.As(client));

        Assert.Equal(
            new[] { kept, cancelled }.OrderBy(b => b.Slot.StartTime.Seconds).ThenBy(b => b.BookingId, StringComparer.Ordinal)
                .Select(b => (b.BookingId, b.Slot, b.ClientId, b.State)),
            mine.Bookings.Select(b => (b.BookingId, b.Slot, b.ClientId, b.State)));
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => _client.ListMyBookingsAsync(new ListMyBookingsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task Earliest_slots_of_many_listings_come_in_one_call_and_skip_listings_without_hours()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var open = await OpenAllWeekAsync(owner);
        var closed = await host.CreateListingAsync(owner);
        var first = (await OpenSlotsAsync(open.Id, 1))[0];
        var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = open.Id, StartTime = first.StartTime }, DirectoryHost.As("alice"));
        await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, DirectoryHost.As("alice"));

        var earliest = (await _client.GetEarliestSlotsAsync(new GetEarliestSlotsRequest { ListingIds = { open.Id, closed.Id, "unknown" } })).Earliest;

        Assert.Equal([open.Id], earliest.Keys);
        Assert.Equal((await OpenSlotsAsync(open.Id, 1))[0], earliest[open.Id]);
        Assert.True(earliest[open.Id].StartTime.Seconds > first.StartTime.Seconds);
    }

    [Fact]
    public async Task Earliest_slots_name_the_listings_that_publish_hours_but_have_nothing_open_in_the_horizon()
    {
        // One session a day: within a one-day horizon there is exactly one slot, and it is booked.
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var bookedOut = await host.CreateListingAsync(owner);
        await SetEveryDayAsync(bookedOut.Id, owner, 60, "09:00", "10:00");
        var only = Assert.Single(await OpenSlotsAsync(bookedOut.Id, days: 1));
        var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = bookedOut.Id, StartTime = only.StartTime }, DirectoryHost.As("alice"));
        await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, DirectoryHost.As("alice"));
        var open = await OpenAllWeekAsync(owner);
        var withoutHours = await host.CreateListingAsync(owner);

        var response = await _client.GetEarliestSlotsAsync(new GetEarliestSlotsRequest
        {
            ListingIds = { bookedOut.Id, open.Id, withoutHours.Id, "unknown" },
            HorizonDays = 1,
        });

        Assert.Equal([open.Id], response.Earliest.Keys);
        Assert.Equal([bookedOut.Id], response.NoOpenSlotListingIds); // not the one without hours, nor the unknown id
        // A longer horizon reaches tomorrow's session: open again.
        var week = await _client.GetEarliestSlotsAsync(new GetEarliestSlotsRequest { ListingIds = { bookedOut.Id }, HorizonDays = 7 });
        Assert.Equal([bookedOut.Id], week.Earliest.Keys);
        Assert.Empty(week.NoOpenSlotListingIds);
    }

    [Fact]
    public async Task Earliest_slots_of_a_large_candidate_set_find_the_few_listings_that_publish_hours()
    {
        // Matching asks about up to 200 candidates, most without hours: the store reads schedules
        // first and only those listings in full. Published ones sit among many without hours.
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var without = new List<string>();
        for (var i = 0; i < 12; i++) without.Add((await host.CreateListingAsync(owner)).Id);
        var (a, b) = (await OpenAllWeekAsync(owner), await OpenAllWeekAsync(owner, session: 60));
        var request = new GetEarliestSlotsRequest();
        request.ListingIds.AddRange(without.Take(5));
        request.ListingIds.Add(a.Id);
        request.ListingIds.AddRange(without.Skip(5));
        request.ListingIds.Add(b.Id);

        var earliest = (await _client.GetEarliestSlotsAsync(request)).Earliest;

        Assert.Equal(new[] { a.Id, b.Id }.Order(), earliest.Keys.Order());
        Assert.Equal((await OpenSlotsAsync(a.Id, 1))[0], earliest[a.Id]);
        Assert.Equal((await OpenSlotsAsync(b.Id, 1))[0], earliest[b.Id]);
    }

    [Fact]
    public async Task Exported_calendar_parses_back_and_matches_the_bookings()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await OpenAllWeekAsync(owner, session: 60);
        var slots = await OpenSlotsAsync(listing.Id, 5);
        var booked = new List<Booking>();
        foreach (var slot in slots.Take(3))
        {
            var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, DirectoryHost.As("bob"));
            booked.Add(await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, DirectoryHost.As("bob")));
        }

        var ownerIcs = (await _client.ExportCalendarAsync(new ExportCalendarRequest { ListingId = listing.Id, Days = 2 }, DirectoryHost.As(owner))).Ics;
        var publicIcs = (await _client.ExportCalendarAsync(new ExportCalendarRequest { ListingId = listing.Id, Days = 2 })).Ics;

        var calendar = Calendar.Load(ownerIcs)!;
        Assert.Equal("2.0", calendar.Version);
        var sessions = calendar.Events.Where(e => e.Uid!.EndsWith("@healing.network", StringComparison.Ordinal) && !e.Uid.StartsWith("open-", StringComparison.Ordinal)).ToList();
        Assert.Equal(booked.Select(b => $"{b.BookingId}@healing.network").Order(), sessions.Select(e => e.Uid!).Order());
        foreach (var booking in booked)
        {
            var e = sessions.Single(s => s.Uid == $"{booking.BookingId}@healing.network");
            Assert.Equal(booking.Slot.StartTime.ToDateTime(), e.DtStart!.AsUtc);
            Assert.Equal(booking.Slot.EndTime.ToDateTime(), e.DtEnd!.AsUtc);
        }
        var openEvents = calendar.Events.Where(e => e.Uid!.StartsWith("open-", StringComparison.Ordinal)).Select(e => e.DtStart!.AsUtc).ToHashSet();
        Assert.DoesNotContain(openEvents, start => booked.Any(b => b.Slot.StartTime.ToDateTime() == start));
        Assert.Contains(slots[3].StartTime.ToDateTime(), openEvents);

        var anonymous = Calendar.Load(publicIcs)!;
        Assert.All(anonymous.Events, e => Assert.StartsWith("open-", e.Uid));
        Assert.DoesNotContain("bob", publicIcs, StringComparison.Ordinal);
    }
}

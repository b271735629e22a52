using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Grpc.Core;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using NodaTime;
using Empty = Google.Protobuf.WellKnownTypes.Empty;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// gRPC surface of availability and bookings: identity, ownership checks, a call into the
/// domain (slot expansion) and the store (atomic holds and bookings), mapping.
/// Anyone may read open hours; only the listing's owner changes them or sees bookings.
/// Every write that can change open slots is followed by a bump of the availability generation,
/// which makes Matching's cached answers stale.
/// </summary>
[Authorize]
public sealed class AvailabilityApi(
    ListingWriter listings, IListingStore listingStore, IAvailabilityStore store, TimeProvider clock,
    IOptions<AvailabilityOptions> options, OpenSlotReader reader, AvailabilityGeneration generation) : AvailabilityService.AvailabilityServiceBase
{
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public override async Task<WeeklyAvailability> SetWeeklyAvailability(SetWeeklyAvailabilityRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        RequireId(request.ListingId, "listing_id");
        var listing = await listings.GetOwnedAsync(request.ListingId, caller, context.CancellationToken);
        var v = new Violations();
        WeeklySchedule.Validate(request, listing.Locations.Count, listing.Telehealth, v);
        v.ThrowIfAny();
        var schedule = new WeeklyAvailability
        {
            ListingId = listing.Id, TimeZone = listing.TimeZone, Windows = { request.Windows },
            SessionMinutes = request.SessionMinutes, BufferMinutes = request.BufferMinutes,
        };
        await store.SaveScheduleAsync(schedule, context.CancellationToken);
        await generation.BumpAsync();
        return (await store.GetScheduleAsync(listing.Id, context.CancellationToken))!;
    }

    [AllowAnonymous]
    public override async Task<WeeklyAvailability> GetWeeklyAvailability(GetWeeklyAvailabilityRequest request, ServerCallContext context)
    {
        RequireId(request.ListingId, "listing_id");
        var (listing, schedule) = await LoadAsync(request.ListingId, context.CancellationToken);
        if (schedule is null) throw DomainException.NotFound("Availability of listing", listing.Id);
        // The stored copy names the zone the listing had when the hours were set; slots are computed in
        // the listing's zone now, so that is the zone the hours are in.
        schedule.TimeZone = listing.TimeZone;
        // Notes are the practitioner's own ("dentist", "holiday in Crete"): only the owner sees them.
        if (listing.OwnerId != context.CallerId())
            foreach (var e in schedule.Exceptions) e.Note = "";
        return schedule;
    }

    public override async Task<AvailabilityException> AddException(AddExceptionRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        RequireId(request.ListingId, "listing_id");
        if (request.Exception is null) throw new ValidationException("exception", "is required");
        var listing = await listings.GetOwnedAsync(request.ListingId, caller, context.CancellationToken);
        var exception = request.Exception.Clone();
        exception.Id = Guid.NewGuid().ToString("N");
        (long, long)? closes = null;
        for (var attempt = 1; ; attempt++)
        {
            // Checked against the exceptions already there, at the version they were read: the store adds
            // it only if nothing changed since, so a double click cannot add the same hours twice.
            var (schedule, existing, version) = await store.GetVersionedScheduleAsync(listing.Id, context.CancellationToken);
            var v = new Violations();
            ExceptionRules.Validate(request.Exception, listing.Locations.Count, LocalClock.Today(listing.TimeZone, Now), v,
                sessionMinutes: schedule?.SessionMinutes, telehealth: listing.Telehealth);
            v.ThrowIfAny();
            // Slots are cut from hours in sessions of the weekly hours' length: without them, extra hours never offer one.
            if (schedule is null && request.Exception.Kind == ExceptionKind.ExtraHours)
                throw DomainException.FailedPrecondition("Extra hours need weekly hours first (they set the session length): set the weekly hours, then add extra hours.");
            if (ExceptionRules.Repeats(request.Exception, existing) is { } same)
                throw DomainException.AlreadyExists($"The listing already has this exception: {same.Id}.");
            ExceptionRules.ValidateOverlaps(request.Exception, existing, v);
            v.ThrowIfAny();
            if (exception.Kind == ExceptionKind.Closed)
            {
                exception.LocationIndex = 0;
                var zone = LocalClock.Zone(listing.TimeZone);
                var day = LocalClock.ParseDate(exception.Date)!.Value;
                closes = (day.AtStartOfDayInZone(zone).ToInstant().ToUnixTimeSeconds(), day.PlusDays(1).AtStartOfDayInZone(zone).ToInstant().ToUnixTimeSeconds());
            }
            var outcome = await store.AddExceptionAsync(listing.Id, exception, ExceptionRules.MaxExceptions, closes, version, context.CancellationToken);
            if (outcome.VersionMoved)
            {
                if (attempt == Attempts) throw HoursChanging();
                continue;
            }
            if (outcome.Booked.Count > 0)
                throw BookingConflicts.Refusal($"close {exception.Date}", await BookingConflicts.ConfirmedAsync(store, outcome.Booked, context.CancellationToken));
            if (!outcome.Added)
                throw DomainException.FailedPrecondition($"A listing has at most {ExceptionRules.MaxExceptions} exceptions; remove old ones first.");
            await generation.BumpAsync();
            return exception;
        }
    }

    public override async Task<Empty> RemoveException(RemoveExceptionRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        RequireId(request.ListingId, "listing_id");
        RequireId(request.ExceptionId, "exception_id");
        await listings.GetOwnedAsync(request.ListingId, caller, context.CancellationToken);
        if (!await store.RemoveExceptionAsync(request.ListingId, request.ExceptionId, context.CancellationToken))
            throw DomainException.NotFound("Exception", request.ExceptionId);
        await generation.BumpAsync();
        return new Empty();
    }

    [AllowAnonymous]
    public override async Task<ListOpenSlotsResponse> ListOpenSlots(ListOpenSlotsRequest request, ServerCallContext context)
    {
        RequireId(request.ListingId, "listing_id");
        var v = new Violations();
        var (from, to) = SlotQueryRules.OpenSlotRange(request.StartTime, request.EndTime, Now, v);
        var pageSize = SlotQueryRules.PageSize(request.PageSize, v);
        v.ThrowIfAny();
        var query = SlotQueryRules.WithoutPaging(request);
        if (SlotPageToken.Decode(request.PageToken, query) is { } cursor)
            (from, to) = SlotQueryRules.After(cursor, from, to);
        var (listing, schedule) = await LoadAsync(request.ListingId, context.CancellationToken);
        var response = new ListOpenSlotsResponse();
        if (schedule is null) return response;
        // One slot more than the page tells whether another page follows.
        var open = await reader.OpenAsync(listing, schedule, from, to, pageSize + 1, context.CancellationToken);
        response.Slots.AddRange(open.Take(pageSize).Select(s => OpenSlotReader.ToProto(listing, s)));
        if (open.Count > pageSize) response.NextPageToken = SlotPageToken.Encode(new(open[pageSize - 1].Start, to), query);
        return response;
    }

    [AllowAnonymous]
    public override async Task<GetEarliestSlotsResponse> GetEarliestSlots(GetEarliestSlotsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        if (request.ListingIds.Count > SlotQueryRules.MaxEarliestListings)
            v.Add("listing_ids", $"must have at most {SlotQueryRules.MaxEarliestListings} ids");
        for (var i = 0; i < request.ListingIds.Count && i < SlotQueryRules.MaxEarliestListings; i++)
            if (request.ListingIds[i].Length is 0 or > 64) v.Add($"listing_ids[{i}]", "is not a listing id");
        var days = SlotQueryRules.Days(request.HorizonDays, SlotQueryRules.DefaultHorizonDays, SlotQueryRules.MaxRangeDays, "horizon_days", v);
        v.ThrowIfAny();

        var ids = request.ListingIds.Distinct(StringComparer.Ordinal).ToArray();
        var (earliest, noneOpen) = await reader.EarliestAsync(ids, found => listingStore.GetTimeZonesAsync(found, context.CancellationToken),
            Now, Now + Duration.FromDays(days), context.CancellationToken);
        var response = new GetEarliestSlotsResponse();
        response.Earliest.Add(earliest);
        response.NoOpenSlotListingIds.AddRange(noneOpen);
        return response;
    }

    /// <summary>
    /// A person whose last profile was deleted while the erasure of their bookings could not finish is
    /// owed that erasure, and a retry of the delete (or their next CreateProfile) finishes it: it would
    /// also erase whatever they booked meanwhile, which needs no profile. So before a hold or confirm the
    /// owed erasure is finished here, where the bookings are: what existed before the delete is erased,
    /// what they book after it is kept. One read of the store when nothing is owed, sent alongside the
    /// call's first reads, which are read again when it did erase something.
    /// </summary>
    private Task<bool> FinishOwedErasureAsync(string caller, CancellationToken ct) => store.FinishOwedErasureAsync(caller, ct);

    /// <summary>How often a hold or confirm is tried again when the hours change under it.</summary>
    private const int Attempts = 3;

    public override async Task<Hold> HoldSlot(HoldSlotRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        RequireId(request.ListingId, "listing_id");
        var v = new Violations();
        var start = SlotQueryRules.Start(request.StartTime, Now, v);
        v.ThrowIfAny();
        var erasing = FinishOwedErasureAsync(caller, context.CancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var mine = store.ClientIdsAsync(caller, context.CancellationToken);
            var (listing, schedule, version) = await LoadVersionedAsync(request.ListingId, context.CancellationToken);
            var slot = OpenSlotReader.SlotAt(listing, schedule, start!.Value)
                ?? throw DomainException.FailedPrecondition("That start time is not one of the listing's slots; pick one from ListOpenSlots.");
            var ids = await mine;
            if (await erasing) ids = await store.ClientIdsAsync(caller, context.CancellationToken);
            erasing = Task.FromResult(false);
            await CheckMayHoldAsync(caller, listing, ids, context.CancellationToken);
            var ttl = options.Value.HoldTtl;
            var hold = new Hold
            {
                HoldId = AvailabilityIds.New(listing.Id),
                Slot = OpenSlotReader.ToProto(listing, slot),
                ExpireTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow() + ttl),
            };
            var buffer = schedule!.BufferMinutes;
            var outcome = await store.HoldAsync(caller, hold, ttl, version, buffer, context.CancellationToken);
            if (outcome.Held) return hold;
            if (!outcome.VersionMoved) throw await SlotTakenAsync(caller, hold.Slot, buffer, outcome.TakenBy, context.CancellationToken);
            // The owner changed the hours between the read and the hold: read them again.
            if (attempt == Attempts) throw HoursChanging();
        }
    }

    /// <summary>
    /// A full practice takes only its returning clients, and one client holds only a few of a
    /// listing's slots at once (<see cref="BookingParties"/>). The client's indexes are read alongside
    /// the listing; their holds are looked at one by one only when there are enough to matter.
    /// </summary>
    private async Task CheckMayHoldAsync(string caller, Listing listing, (IReadOnlyList<string> Holds, IReadOnlyList<string> Bookings) mine, CancellationToken ct)
    {
        // Such a booking could never be told from an erased one, so that id books nothing.
        if (caller == BookingParties.Erased)
            throw DomainException.PermissionDenied($"The account id \"{BookingParties.Erased}\" is reserved and cannot book.");
        bool With(string id) => AvailabilityIds.TryListing(id, out var of) && of == listing.Id;
        if (!BookingParties.MayBook(listing, caller, mine.Bookings.Any(With)))
            throw DomainException.FailedPrecondition("This practitioner is not taking new clients at the moment; only their returning clients can book.");
        var holds = mine.Holds.Where(With).ToArray();
        if (holds.Length < BookingParties.MaxLiveHoldsPerListing) return;
        var live = (await Task.WhenAll(holds.Select(id => store.GetHoldAsync(id, ct)))).Count(h => h?.ClientId == caller);
        if (live >= BookingParties.MaxLiveHoldsPerListing)
            throw DomainException.FailedPrecondition(
                $"You already hold {live} slots of this listing; confirm one with ConfirmBooking, or let them lapse, before holding another.");
    }

    private static DomainException HoursChanging() =>
        DomainException.Aborted("The practitioner is changing these hours right now; try again in a moment.");

    /// <summary>
    /// Why a slot could not be held, as the caller needs to hear it: a client holding again what they
    /// already hold or booked (a double click, a retry), or a slot overlapping their own session or
    /// within the practitioner's buffer of it, is pointed at their hold or booking, not told someone
    /// else has it. The store names the hold or booking in the way, so a refusal costs at most two
    /// reads whatever the client's history.
    /// </summary>
    private async Task<DomainException> SlotTakenAsync(string caller, Slot slot, int bufferMinutes, string? takenBy, CancellationToken ct)
    {
        static bool Same(Slot a, Slot b) => a.ListingId == b.ListingId && a.StartTime.Seconds == b.StartTime.Seconds;
        static bool Overlap(Slot a, Slot b) => a.StartTime.Seconds < b.EndTime.Seconds && a.EndTime.Seconds > b.StartTime.Seconds;
        string Near(Slot other) => Overlap(other, slot) ? "overlapping that slot" : $"less than the practitioner's {bufferMinutes}-minute buffer away from that slot";
        if (takenBy is not null && AvailabilityIds.TryListing(takenBy, out _))
        {
            if (await store.GetHoldAsync(takenBy, ct) is { } held && held.ClientId == caller)
                return DomainException.AlreadyExists(Same(held.Hold.Slot, slot)
                    ? $"You already hold that slot (hold {held.Hold.HoldId}, until {held.Hold.ExpireTime.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss} UTC); confirm that hold with ConfirmBooking."
                    : $"You hold a slot {Near(held.Hold.Slot)} (hold {held.Hold.HoldId}, starting {held.Hold.Slot.LocalStart}); confirm it, or let it lapse, first.");
            if (await store.GetBookingAsync(takenBy, ct) is { State: BookingState.Confirmed } booked && BookingParties.IsClient(booked, caller))
                return DomainException.AlreadyExists(Same(booked.Slot, slot)
                    ? $"You have already booked that slot (booking {booked.BookingId})."
                    : $"You have a booking {Near(booked.Slot)} (booking {booked.BookingId}, starting {booked.Slot.LocalStart}).");
        }
        return DomainException.AlreadyExists(bufferMinutes == 0
            ? "Someone else is holding or has booked that slot, or a session overlapping it; pick another."
            : $"Someone else is holding or has booked that slot, or a session overlapping it or less than the practitioner's {bufferMinutes}-minute buffer away; pick another.");
    }

    public override async Task<Booking> ConfirmBooking(ConfirmBookingRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        if (!AvailabilityIds.TryListing(request.HoldId, out var listingId)) throw new ValidationException("hold_id", "is not a hold id");
        // A hold from before the person deleted their profile is erased here, and books nothing.
        var erasing = FinishOwedErasureAsync(caller, context.CancellationToken);
        var reading = store.GetHoldAsync(request.HoldId, context.CancellationToken);
        var (erased, read) = (await erasing, await reading);
        var held = (erased ? await store.GetHoldAsync(request.HoldId, context.CancellationToken) : read)
            ?? throw await HoldGoneAsync(request.HoldId, caller, context.CancellationToken);
        var booking = new Booking
        {
            BookingId = AvailabilityIds.BookingFor(request.HoldId),
            Slot = held.Hold.Slot,
            ClientId = caller,
            State = BookingState.Confirmed,
            CreateTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
        var (version, buffer) = (held.Version, held.BufferMinutes);
        for (var attempt = 1; ; attempt++)
        {
            switch (await store.ConfirmAsync(request.HoldId, caller, booking, version, buffer, context.CancellationToken))
            {
                case ConfirmOutcome.Confirmed:
                    await BumpIfEarliestAsync(booking.Slot, context.CancellationToken);
                    return booking;
                case ConfirmOutcome.NotYourHold: throw DomainException.PermissionDenied("That hold belongs to another client.");
                case ConfirmOutcome.HoldLapsed: throw await HoldGoneAsync(request.HoldId, caller, context.CancellationToken);
                case ConfirmOutcome.ListingGone:
                    await store.ReleaseHoldAsync(request.HoldId, caller, context.CancellationToken);
                    throw DomainException.FailedPrecondition("The practitioner deleted this listing after you held the slot; nothing was booked.");
                case ConfirmOutcome.TooClose:
                    await store.ReleaseHoldAsync(request.HoldId, caller, context.CancellationToken);
                    throw DomainException.FailedPrecondition(
                        $"The practitioner changed their hours after you held this slot, and another session is now booked overlapping it or less than their {buffer}-minute buffer away; nothing was booked. Pick a slot from ListOpenSlots.");
            }
            // The hours changed since the slot was held: it is booked only if it is still offered as held.
            if (attempt == Attempts) throw HoursChanging();
            // Reordering the listing's places moves the hold's place with it (RemapLocationsAsync): the
            // hold is compared as it is now, not as it was read before the reorder.
            if (await store.GetHoldAsync(request.HoldId, context.CancellationToken) is { } again)
                (held, booking.Slot) = (again, again.Hold.Slot);
            var (listing, schedule, current) = await LoadVersionedAsync(listingId, context.CancellationToken);
            if (OpenSlotReader.SlotAt(listing, schedule, Instant.FromUnixTimeSeconds(held.Hold.Slot.StartTime.Seconds)) is not { } slot
                || !OpenSlotReader.ToProto(listing, slot).Equals(held.Hold.Slot))
            {
                await store.ReleaseHoldAsync(request.HoldId, caller, context.CancellationToken);
                throw DomainException.FailedPrecondition(
                    "The practitioner changed their hours after you held this slot, and it is no longer offered as held; nothing was booked. Pick a slot from ListOpenSlots.");
            }
            (version, buffer) = (current, schedule!.BufferMinutes);
        }
    }

    /// <summary>
    /// Matching's answers depend on availability only through each listing's earliest open slot
    /// within the horizon GetEarliestSlots looks at by default (the availability component and
    /// "first open session"), so a booking confirmed or cancelled makes cached answers stale only when
    /// that slot is, or was, the earliest: when no open slot of the listing starts before it. Any
    /// other booking leaves every cached answer true, and the generation is left alone; under steady
    /// booking traffic that keeps the cache useful. (A hold bumps nothing: the confirm that follows
    /// it does, when the slot was the earliest.)
    /// </summary>
    private async Task BumpIfEarliestAsync(Slot slot, CancellationToken ct)
    {
        var start = Instant.FromDateTimeOffset(slot.StartTime.ToDateTimeOffset());
        var now = Now;
        if (start >= now + Duration.FromDays(SlotQueryRules.DefaultHorizonDays)) return;
        var earlier = start <= now ? [] : (await reader.EarliestAsync([slot.ListingId], found => listingStore.GetTimeZonesAsync(found, ct), now, start, ct)).Earliest;
        if (earlier.Count == 0) await generation.BumpAsync();
    }

    /// <summary>
    /// Why a hold is no longer there: confirming deletes it, so a second ConfirmBooking (a retry after a
    /// lost reply) finds the caller's booking under the id derived from the hold, and is told so.
    /// </summary>
    private async Task<DomainException> HoldGoneAsync(string holdId, string caller, CancellationToken ct)
    {
        var booking = await store.GetBookingAsync(AvailabilityIds.BookingFor(holdId), ct);
        return booking is null || !BookingParties.IsClient(booking, caller)
            ? DomainException.FailedPrecondition("The hold lapsed or does not exist; hold the slot again.")
            : booking.State == BookingState.Confirmed
                ? DomainException.FailedPrecondition($"That hold was already confirmed: booking {booking.BookingId}.")
                : DomainException.FailedPrecondition($"That hold was confirmed as booking {booking.BookingId}, since cancelled; hold the slot again.");
    }

    public override async Task<Booking> CancelBooking(CancelBookingRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        if (!AvailabilityIds.TryListing(request.BookingId, out var listingId)) throw new ValidationException("booking_id", "is not a booking id");
        var booking = await store.GetBookingAsync(request.BookingId, context.CancellationToken)
            ?? throw DomainException.NotFound("Booking", request.BookingId);
        if (!BookingParties.IsClient(booking, caller))
        {
            // Not the client: only the listing's owner may cancel; anyone else learns nothing about it.
            var listing = await listingStore.GetAsync(listingId, context.CancellationToken);
            if (listing?.OwnerId != caller) throw DomainException.NotFound("Booking", request.BookingId);
        }
        if (!await store.CancelAsync(request.BookingId, context.CancellationToken))
            throw DomainException.FailedPrecondition("The booking is already cancelled.");
        await BumpIfEarliestAsync(booking.Slot, context.CancellationToken);
        booking.State = BookingState.Cancelled;
        return booking;
    }

    public override async Task<ListBookingsResponse> ListBookings(ListBookingsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        RequireId(request.ListingId, "listing_id");
        var v = new Violations();
        var (from, to) = SlotQueryRules.BookingRange(request.StartTime, request.EndTime, Now, v);
        v.ThrowIfAny();
        await listings.GetOwnedAsync(request.ListingId, caller, context.CancellationToken, "Only the listing's owner can see its bookings.");
        var response = new ListBookingsResponse();
        response.Bookings.AddRange(await store.ListBookingsAsync(request.ListingId, from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds(), request.IncludeCancelled, context.CancellationToken));
        return response;
    }

    public override async Task<ListMyBookingsResponse> ListMyBookings(ListMyBookingsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var holds = store.ListClientHoldsAsync(caller, context.CancellationToken);
        var response = new ListMyBookingsResponse();
        response.Bookings.AddRange(await store.ListClientBookingsAsync(caller, context.CancellationToken));
        response.Holds.AddRange(await holds);
        return response;
    }

    public override async Task<ForgetMeResponse> ForgetMe(ForgetMeRequest request, ServerCallContext context)
    {
        var (bookings, holds) = await store.ForgetClientAsync(context.RequireCaller(), context.CancellationToken);
        return new() { BookingsErased = bookings, HoldsErased = holds };
    }

    [AllowAnonymous]
    public override async Task<ExportCalendarResponse> ExportCalendar(ExportCalendarRequest request, ServerCallContext context)
    {
        RequireId(request.ListingId, "listing_id");
        var v = new Violations();
        var days = SlotQueryRules.Days(request.Days, SlotQueryRules.DefaultExportDays, SlotQueryRules.MaxExportDays, "days", v);
        v.ThrowIfAny();
        var (listing, schedule) = await LoadAsync(request.ListingId, context.CancellationToken);
        var (from, to) = (Now, Now + Duration.FromDays(days));
        IReadOnlyList<OpenSlot> open = schedule is null ? []
            : await reader.OpenAsync(listing, schedule, from, to, int.MaxValue, context.CancellationToken);
        IReadOnlyList<Booking> bookings = listing.OwnerId == context.CallerId()
            ? await store.ListBookingsAsync(listing.Id, from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds(), includeCancelled: false, context.CancellationToken)
            : [];
        return new ExportCalendarResponse { Ics = CalendarExport.Write(listing, open, bookings, Now) };
    }

    private async Task<(Listing Listing, WeeklyAvailability? Schedule)> LoadAsync(string listingId, CancellationToken ct)
    {
        var schedule = store.GetScheduleAsync(listingId, ct);
        var listing = await listings.GetAsync(listingId, ct);
        return (listing, await schedule);
    }

    private async Task<(Listing Listing, WeeklyAvailability? Schedule, long Version)> LoadVersionedAsync(string listingId, CancellationToken ct)
    {
        var schedule = store.GetVersionedScheduleAsync(listingId, ct);
        var listing = await listings.GetAsync(listingId, ct);
        var (hours, _, version) = await schedule;
        return (listing, hours, version);
    }

    private static void RequireId(string id, string field)
    {
        if (string.IsNullOrEmpty(id)) throw new ValidationException(field, "is required");
        if (id.Length > 64) throw new ValidationException(field, "is not an id");
    }
}

using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Browser.Tests;

/// <summary>Every RPC of the public contract, with who may call it (DESIGN.md, Security).</summary>
public static class RpcCatalog
{
    public static readonly IReadOnlyList<RpcCase> All =
    [
        // DirectoryService: anyone searches and reads; only the owner changes a listing.
        new("DirectoryService/CreateListing", Access.SignedIn, (w, h) =>
            w.Directory.CreateListingAsync(new CreateListingRequest { Listing = SampleListings.NaturopathListing() }, h).ResponseAsync),
        new("DirectoryService/GetListing", Access.Public, (w, h) => w.Directory.GetListingAsync(new GetListingRequest { Id = w.ListingId }, h).ResponseAsync),
        new("DirectoryService/UpdateListing", Access.Owner, async (w, h) =>
        {
            var current = await w.Directory.GetListingAsync(new GetListingRequest { Id = w.ListingId });
            current.Bio = "Updated " + Guid.NewGuid().ToString("N")[..6];
            await w.Directory.UpdateListingAsync(new UpdateListingRequest { Listing = current, UpdateMask = FieldMask.FromString("bio") }, h);
        }),
        new("DirectoryService/DeleteListing", Access.Owner, async (w, h) =>
            await w.Directory.DeleteListingAsync(new DeleteListingRequest { Id = await w.NewListingAsync() }, h)),
        // The caller's own listings: anyone signed in gets theirs (another user gets their own, not the owner's).
        new("DirectoryService/ListListings", Access.SignedIn, (w, h) => w.Directory.ListListingsAsync(new ListListingsRequest { PageSize = 5 }, h).ResponseAsync),
        new("DirectoryService/ConfirmListing", Access.Owner, (w, h) => w.Directory.ConfirmListingAsync(new ConfirmListingRequest { Id = w.ListingId }, h).ResponseAsync),
        new("DirectoryService/SearchListings", Access.Public, (w, h) => w.Directory.SearchListingsAsync(new SearchListingsRequest { Query = "naturopath" }, h).ResponseAsync),
        new("DirectoryService/ListModalities", Access.Public, (w, h) => w.Directory.ListModalitiesAsync(new ListModalitiesRequest(), h).ResponseAsync),
        new("DirectoryService/ImportListings", Access.SignedIn, async (w, h) =>
        {
            using var call = w.Directory.ImportListings(h);
            await SendThenAwaitStatus(call.RequestStream, [new ImportListingsRequest { Listing = SampleListings.NaturopathListing() }], call.ResponseAsync);
        }),
        new("DirectoryService/RebuildIndex", Access.Admin, (w, h) => w.Directory.RebuildIndexAsync(new RebuildIndexRequest(), h).ResponseAsync),

        // AvailabilityService: anyone sees open slots; only the owner sets hours or sees bookings;
        // only the client who holds or booked a slot confirms or cancels it.
        new("AvailabilityService/SetWeeklyAvailability", Access.Owner, (w, h) => w.Availability.SetWeeklyAvailabilityAsync(w.WeeklyHours(), h).ResponseAsync),
        new("AvailabilityService/GetWeeklyAvailability", Access.Public, (w, h) =>
            w.Availability.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = w.ListingId }, h).ResponseAsync),
        new("AvailabilityService/AddException", Access.Owner, (w, h) => w.Availability.AddExceptionAsync(ClosedDay(w, 40), h).ResponseAsync),
        new("AvailabilityService/RemoveException", Access.Owner, async (w, h) =>
        {
            var added = await w.Availability.AddExceptionAsync(ClosedDay(w, 41 + Random.Shared.Next(200)), w.OwnerHeaders);
            await w.Availability.RemoveExceptionAsync(new RemoveExceptionRequest { ListingId = w.ListingId, ExceptionId = added.Id }, h);
        }),
        new("AvailabilityService/ListOpenSlots", Access.Public, (w, h) => w.Availability.ListOpenSlotsAsync(new ListOpenSlotsRequest
        {
            ListingId = w.ListingId,
            StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
        }, h).ResponseAsync),
        new("AvailabilityService/GetEarliestSlots", Access.Public, (w, h) =>
            w.Availability.GetEarliestSlotsAsync(new GetEarliestSlotsRequest { ListingIds = { w.ListingId }, HorizonDays = 14 }, h).ResponseAsync),
        new("AvailabilityService/HoldSlot", Access.SignedIn, async (w, h) =>
            await w.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = w.ListingId, StartTime = (await w.NextSlotAsync()).StartTime }, h)),
        new("AvailabilityService/ConfirmBooking", Access.Owner, async (w, h) =>
            await w.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = (await w.OwnerHoldAsync()).HoldId }, h)),
        new("AvailabilityService/CancelBooking", Access.Owner, async (w, h) =>
            await w.Availability.CancelBookingAsync(new CancelBookingRequest { BookingId = (await w.OwnerBookingAsync()).BookingId }, h)),
        new("AvailabilityService/ListBookings", Access.Owner, (w, h) => w.Availability.ListBookingsAsync(new ListBookingsRequest
        {
            ListingId = w.ListingId,
            StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
        }, h).ResponseAsync),
        new("AvailabilityService/ListMyBookings", Access.SignedIn, (w, h) => w.Availability.ListMyBookingsAsync(new ListMyBookingsRequest(), h).ResponseAsync),
        new("AvailabilityService/ForgetMe", Access.SignedIn, (w, h) => w.Availability.ForgetMeAsync(new ForgetMeRequest(), h).ResponseAsync),
        new("AvailabilityService/ExportCalendar", Access.Public, (w, h) =>
            w.Availability.ExportCalendarAsync(new ExportCalendarRequest { ListingId = w.ListingId }, h).ResponseAsync),

        // InteropService: anyone exports the public directory; imports become the caller's listings.
        new("InteropService/ExportHsds", Access.Public, (w, h) => w.Interop.ExportHsdsAsync(new ExportHsdsRequest { PageSize = 5 }, h).ResponseAsync),
        new("InteropService/ExportFhir", Access.Public, (w, h) => w.Interop.ExportFhirAsync(new ExportFhirRequest { ListingId = w.ListingId }, h).ResponseAsync),
        new("InteropService/ImportHsds", Access.SignedIn, async (w, h) =>
        {
            var exported = await w.Interop.ExportHsdsAsync(new ExportHsdsRequest { PageSize = 1 });
            using var call = w.Interop.ImportHsds(h);
            var chunks = System.Text.Json.JsonDocument.Parse(exported.Json).RootElement.EnumerateArray()
                .Select(record => new ImportHsdsChunk { JsonRecord = record.GetRawText() }).ToArray();
            await SendThenAwaitStatus(call.RequestStream, chunks, ReadToEndAsync(call.ResponseStream));
        }),

        // ProfileService: a profile is its owner's alone.
        new("ProfileService/CreateProfile", Access.SignedIn, (w, h) =>
            w.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = MatrixWorld.SampleProfile() }, h).ResponseAsync),
        new("ProfileService/ListProfiles", Access.SignedIn, (w, h) => w.Profiles.ListProfilesAsync(new ListProfilesRequest(), h).ResponseAsync),
        new("ProfileService/GetProfile", Access.Owner, (w, h) => w.Profiles.GetProfileAsync(new GetProfileRequest { Id = w.ProfileId }, h).ResponseAsync),
        new("ProfileService/UpdateProfile", Access.Owner, async (w, h) =>
        {
            var current = await w.Profiles.GetProfileAsync(new GetProfileRequest { Id = w.ProfileId }, w.OwnerHeaders);
            current.MaxTravelKm = 20 + Random.Shared.Next(20);
            await w.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = current, UpdateMask = FieldMask.FromString("max_travel_km") }, h);
        }),
        new("ProfileService/DeleteProfile", Access.Owner, async (w, h) =>
            await w.Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = await w.NewProfileAsync() }, h)),
        new("ProfileService/AddCarePartner", Access.Owner, (w, h) => w.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest
        {
            ProfileId = w.ProfileId,
            Partner = new CarePartner { Name = "Yoga teacher", Layer = CareLayer.Spirit, Cadence = Cadence.Maintenance },
        }, h).ResponseAsync),
        new("ProfileService/UpdateCarePartner", Access.Owner, async (w, h) =>
            await w.Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
            {
                ProfileId = w.ProfileId,
                Partner = new CarePartner { Id = await w.NewCarePartnerAsync(), Name = "Herbalist friend", Layer = CareLayer.Body, Cadence = Cadence.Maintenance },
            }, h)),
        new("ProfileService/RemoveCarePartner", Access.Owner, async (w, h) =>
            await w.Profiles.RemoveCarePartnerAsync(new RemoveCarePartnerRequest { ProfileId = w.ProfileId, PartnerId = await w.NewCarePartnerAsync() }, h)),
        new("ProfileService/ExportProfile", Access.Owner, (w, h) => w.Profiles.ExportProfileAsync(new ExportProfileRequest { Id = w.ProfileId }, h).ResponseAsync),

        // MatchingService: matching reads the profile, so only its owner may ask.
        new("MatchingService/FindMatches", Access.Owner, (w, h) => w.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = w.ProfileId }, h).ResponseAsync),
        new("MatchingService/FindReferrals", Access.Owner, (w, h) =>
            w.Matching.FindReferralsAsync(new FindReferralsRequest { ProfileId = w.ProfileId, Specialty = "207RC0000X" }, h).ResponseAsync),
        new("MatchingService/SuggestCareTeam", Access.Owner, (w, h) => w.Matching.SuggestCareTeamAsync(new SuggestCareTeamRequest { ProfileId = w.ProfileId }, h).ResponseAsync),
    ];

    public static RpcCase Named(string name) => All.Single(c => c.Name == name);

    private static AddExceptionRequest ClosedDay(MatrixWorld w, int daysAhead) => new()
    {
        ListingId = w.ListingId,
        Exception = new AvailabilityException
        {
            Date = DateTime.UtcNow.AddDays(daysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Kind = ExceptionKind.Closed,
            Note = "Closed",
        },
    };

    private static async Task ReadToEndAsync<T>(Grpc.Core.IAsyncStreamReader<T> answers)
    {
        while (await answers.MoveNext(CancellationToken.None)) { }
    }

    /// <summary>
    /// Streams the messages, then awaits the call's own status. A server that refuses the call at
    /// once (no token) may end it while the client is still writing; the write then fails with a
    /// cancellation, but the status the server sent is what the call ended with.
    /// </summary>
    private static async Task SendThenAwaitStatus<T>(Grpc.Core.IClientStreamWriter<T> stream, IEnumerable<T> messages, Task response)
    {
        try
        {
            foreach (var message in messages) await stream.WriteAsync(message);
            await stream.CompleteAsync();
        }
        catch (Grpc.Core.RpcException) { } // the call already ended: its status comes from the response
        catch (InvalidOperationException) { } // writing after the call completed
        await response;
    }
}

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Reliability.Tests.BadInput;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.Fuzzing;

/// <summary>A valid request for every RPC of DirectoryService, AvailabilityService, InteropService, ProfileService and MatchingService.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> For(Seeded s)
    {
        var (listing, profile) = (s.Listing.Id, s.Profile.Id);
        var soon = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(2));
        var later = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(9));
        var partner = new CarePartner { Name = "Ana", Layer = CareLayer.Body, Cadence = Cadence.Regular, Modalities = { "reiki" }, Since = "2020-01-01" };
        var targets = new List<FuzzTarget>
        {
            new(Rpc.Directory, "CreateListing", new CreateListingRequest { Listing = Samples.Naturopath("Fuzzed") }),
            new(Rpc.Directory, "GetListing", new GetListingRequest { Id = listing }),
            new(Rpc.Directory, "UpdateListing", new UpdateListingRequest { Listing = s.Listing, UpdateMask = new FieldMask { Paths = { "display_name", "bio" } } }),
            new(Rpc.Directory, "DeleteListing", new DeleteListingRequest { Id = listing, Etag = s.Listing.Etag }),
            new(Rpc.Directory, "ListListings", new ListListingsRequest { PageSize = 10 }),
            new(Rpc.Directory, "ConfirmListing", new ConfirmListingRequest { Id = listing }),
            new(Rpc.Directory, "SearchListings", new SearchListingsRequest
            {
                Query = "herbs", Modalities = { "naturopathy" }, Orientations = { Orientation.NatureOriented }, LifestyleTags = { "organic-food" },
                Near = new GeoRadius { Lat = Samples.PortlandLat, Lon = Samples.PortlandLon, RadiusKm = 50 }, MaxFee = 10000, Currency = "USD",
                Languages = { "en" }, PageSize = 10, OrderBy = SearchOrder.Distance,
            }),
            new(Rpc.Directory, "ListModalities", new ListModalitiesRequest { Category = ModalityCategory.Bodywork }),
            new(Rpc.Directory, "ImportListings", new ImportListingsRequest { Listing = Samples.Naturopath("Imported") }, MethodType.ClientStreaming),
            new(Rpc.Directory, "RebuildIndex", new RebuildIndexRequest()),
            new(Rpc.Availability, "SetWeeklyAvailability", new SetWeeklyAvailabilityRequest
            {
                ListingId = listing, SessionMinutes = 50, BufferMinutes = 10,
                Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00" }, new WeeklyWindow { Weekday = Weekday.Friday, Start = "13:00", End = "18:00", LocationIndex = -1 } },
            }),
            new(Rpc.Availability, "GetWeeklyAvailability", new GetWeeklyAvailabilityRequest { ListingId = listing }),
            new(Rpc.Availability, "AddException", new AddExceptionRequest
            {
                ListingId = listing, Exception = new AvailabilityException { Date = "2030-05-01", Kind = ExceptionKind.ExtraHours, Start = "18:00", End = "20:00", Note = "late" },
            }),
            new(Rpc.Availability, "RemoveException", new RemoveExceptionRequest { ListingId = listing, ExceptionId = "0123456789abcdef0123456789abcdef" }),
            new(Rpc.Availability, "ListOpenSlots", new ListOpenSlotsRequest { ListingId = listing, StartTime = soon, EndTime = later, PageSize = 20 }),
            new(Rpc.Availability, "GetEarliestSlots", new GetEarliestSlotsRequest { ListingIds = { listing, "missing" }, HorizonDays = 14 }),
            new(Rpc.Availability, "HoldSlot", new HoldSlotRequest { ListingId = listing, StartTime = s.Hold.Slot.StartTime }),
            new(Rpc.Availability, "ConfirmBooking", new ConfirmBookingRequest { HoldId = s.Hold.HoldId }),
            new(Rpc.Availability, "CancelBooking", new CancelBookingRequest { BookingId = s.Hold.HoldId }),
            new(Rpc.Availability, "ListBookings", new ListBookingsRequest { ListingId = listing, StartTime = soon, EndTime = later }),
            new(Rpc.Availability, "ExportCalendar", new ExportCalendarRequest { ListingId = listing, Days = 14 }),
            new(Rpc.Availability, "ListMyBookings", new ListMyBookingsRequest()),
            new(Rpc.Availability, "ForgetMe", new ForgetMeRequest()),
            new(Rpc.Interop, "ExportHsds", new ExportHsdsRequest { PageSize = 5, Search = new SearchListingsRequest { Modalities = { "naturopathy" } } }),
            new(Rpc.Interop, "ExportFhir", new ExportFhirRequest { ListingId = listing }),
            new(Rpc.Interop, "ImportHsds", new ImportHsdsChunk { JsonRecord = "{\"name\":\"Fuzzed HSDS\"}" }, MethodType.DuplexStreaming),
            new(Rpc.Profiles, "CreateProfile", new CreateProfileRequest { Profile = Samples.NatureClient() }),
            new(Rpc.Profiles, "GetProfile", new GetProfileRequest { Id = profile }),
            new(Rpc.Profiles, "UpdateProfile", new UpdateProfileRequest { Profile = s.Profile, UpdateMask = new FieldMask { Paths = { "max_travel_km", "weights" } } }),
            new(Rpc.Profiles, "DeleteProfile", new DeleteProfileRequest { Id = profile }),
            new(Rpc.Profiles, "AddCarePartner", new AddCarePartnerRequest { ProfileId = profile, Partner = partner }),
            new(Rpc.Profiles, "UpdateCarePartner", new UpdateCarePartnerRequest { ProfileId = profile, Partner = partner }),
            new(Rpc.Profiles, "RemoveCarePartner", new RemoveCarePartnerRequest { ProfileId = profile, PartnerId = "p1" }),
            new(Rpc.Profiles, "ExportProfile", new ExportProfileRequest { Id = profile }),
            new(Rpc.Profiles, "ListProfiles", new ListProfilesRequest { PageSize = 10 }),
            new(Rpc.Matching, "FindMatches", new FindMatchesRequest
            {
                ProfileId = profile, PageSize = 10, Filters = new MatchFilters { Query = "herbs", MaxTravelKm = 30, Modalities = { "naturopathy" } },
                Weights = new MatchWeights { Lifestyle = 2, Distance = 1 },
            }),
            new(Rpc.Matching, "FindReferrals", new FindReferralsRequest
            {
                ProfileId = profile, Specialty = "207RC0000X", PageSize = 5, Near = new GeoRadius { Lat = Samples.PortlandLat, Lon = Samples.PortlandLon, RadiusKm = 40 },
            }),
            new(Rpc.Matching, "SuggestCareTeam", new SuggestCareTeamRequest { ProfileId = profile, CandidatesPerLayer = 2 }),
        };
        var covered = targets.Select(t => (t.Service, t.Method)).ToHashSet();
        var missing = Rpc.Services.SelectMany(svc => svc.Methods.Select(m => (svc.FullName, m.Name))).Where(m => !covered.Contains(m)).ToArray();
        if (missing.Length > 0) throw new InvalidOperationException("no fuzz target for " + string.Join(", ", missing));
        return targets;
    }
}

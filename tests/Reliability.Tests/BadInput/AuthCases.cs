using Google.Protobuf;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>Writes and private reads without a token, with forged tokens, and as someone who owns nothing.</summary>
public static class AuthCases
{
    private static readonly string?[] BadAuthorizations =
    [
        null, "Bearer", "Bearer abc", "Basic dXNlcjpwYXNz", "Bearer " + new string('a', 4000),
        // alg "none", sub "admin": an unsigned token must not be accepted.
        "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiJ9.",
        "Bearer " + Tokens.For("x")[..^4] + "AAAA",
    ];

    public static IEnumerable<GrpcCase> All(Seeded s)
    {
        var requests = Requests(s).ToArray();
        foreach (var auth in BadAuthorizations)
            foreach (var (service, method, request) in requests)
                yield return GrpcCase.Of($"authorization '{Shorten(auth)}'", service, method, request, auth);
        var stranger = GatewayGrpc.Bearer(Seeded.Stranger);
        foreach (var (service, method, request) in requests)
            yield return GrpcCase.Of("as someone else", service, method, request, stranger);
        yield return GrpcCase.Of("rebuild index as a non-admin", Rpc.Directory, "RebuildIndex", new RebuildIndexRequest(), stranger);
    }

    /// <summary>Requests that would succeed for the owner.</summary>
    private static IEnumerable<(string, string, IMessage)> Requests(Seeded s)
    {
        yield return (Rpc.Directory, "UpdateListing", new UpdateListingRequest { Listing = s.Listing });
        yield return (Rpc.Directory, "DeleteListing", new DeleteListingRequest { Id = s.Listing.Id, Etag = s.Listing.Etag });
        yield return (Rpc.Directory, "ConfirmListing", new ConfirmListingRequest { Id = s.Listing.Id });
        yield return (Rpc.Availability, "SetWeeklyAvailability", new SetWeeklyAvailabilityRequest { ListingId = s.Listing.Id, SessionMinutes = 30 });
        yield return (Rpc.Availability, "ListBookings", new ListBookingsRequest { ListingId = s.Listing.Id });
        yield return (Rpc.Availability, "ConfirmBooking", new ConfirmBookingRequest { HoldId = s.Hold.HoldId });
        yield return (Rpc.Profiles, "GetProfile", new GetProfileRequest { Id = s.Profile.Id });
        yield return (Rpc.Profiles, "UpdateProfile", new UpdateProfileRequest { Profile = s.Profile });
        yield return (Rpc.Profiles, "DeleteProfile", new DeleteProfileRequest { Id = s.Profile.Id });
        yield return (Rpc.Profiles, "ExportProfile", new ExportProfileRequest { Id = s.Profile.Id });
        yield return (Rpc.Matching, "FindMatches", new FindMatchesRequest { ProfileId = s.Profile.Id });
        yield return (Rpc.Matching, "SuggestCareTeam", new SuggestCareTeamRequest { ProfileId = s.Profile.Id });
    }

    private static string Shorten(string? value) => value is null ? "(none)" : value.Length > 30 ? value[..30] + "…" : value;
}

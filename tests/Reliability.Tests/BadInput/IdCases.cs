using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Reliability.Tests.Support;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>
/// Ids of odd shapes (paths, store-key look-alikes, control characters, 10k characters, invalid
/// UTF-8) sent to every method that takes an id, with the token of whoever would own it.
/// </summary>
public static class IdCases
{
    public static readonly IReadOnlyList<string> OddIds =
    [
        "../../etc/passwd", "..%2F..%2Fetc", new string('a', 10_000), "listing:{x}", "profile:{x}:owner", "*", "\0", " ",
        "{", "}{", "\u202egnitsil", "\U0001F600", "a b", "' OR 1=1 --", "$(reboot)", new string('z', 64), new string('z', 65),
        "\ud800", "-", "0",
    ];

    public static IEnumerable<GrpcCase> All(Seeded s)
    {
        foreach (var (service, method, request, subject) in Targets(s))
        {
            foreach (var id in OddIds)
                yield return GrpcCase.Of($"id '{Show(id)}'", service, method, request(id), GatewayGrpc.Bearer(subject));
            foreach (var (name, bytes) in ProtoBytes.InvalidUtf8)
                yield return GrpcCase.Of($"id with invalid UTF-8 ({name})", service, method,
                    ProtoBytes.Append(request("x"), ProtoBytes.LengthDelimited(1, bytes)), GatewayGrpc.Bearer(subject));
        }
    }

    /// <summary>Every method whose field 1 is an id, with a request otherwise valid.</summary>
    private static IEnumerable<(string, string, Func<string, IMessage>, string)> Targets(Seeded s)
    {
        var future = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(3));
        var (owner, client) = (s.ListingOwner, s.ProfileOwner);
        yield return (Rpc.Directory, "GetListing", id => new GetListingRequest { Id = id }, client);
        yield return (Rpc.Directory, "DeleteListing", id => new DeleteListingRequest { Id = id }, owner);
        yield return (Rpc.Directory, "ConfirmListing", id => new ConfirmListingRequest { Id = id }, owner);
        yield return (Rpc.Availability, "GetWeeklyAvailability", id => new GetWeeklyAvailabilityRequest { ListingId = id }, owner);
        yield return (Rpc.Availability, "SetWeeklyAvailability", id => new SetWeeklyAvailabilityRequest { ListingId = id, SessionMinutes = 60 }, owner);
        yield return (Rpc.Availability, "ListOpenSlots", id => new ListOpenSlotsRequest { ListingId = id }, client);
        yield return (Rpc.Availability, "ListBookings", id => new ListBookingsRequest { ListingId = id }, owner);
        yield return (Rpc.Availability, "ExportCalendar", id => new ExportCalendarRequest { ListingId = id }, owner);
        yield return (Rpc.Availability, "HoldSlot", id => new HoldSlotRequest { ListingId = id, StartTime = future }, client);
        yield return (Rpc.Availability, "ConfirmBooking", id => new ConfirmBookingRequest { HoldId = id }, client);
        yield return (Rpc.Availability, "CancelBooking", id => new CancelBookingRequest { BookingId = id }, client);
        yield return (Rpc.Availability, "RemoveException", id => new RemoveExceptionRequest { ListingId = id, ExceptionId = "e" }, owner);
        yield return (Rpc.Profiles, "GetProfile", id => new GetProfileRequest { Id = id }, client);
        yield return (Rpc.Profiles, "DeleteProfile", id => new DeleteProfileRequest { Id = id }, client);
        yield return (Rpc.Profiles, "ExportProfile", id => new ExportProfileRequest { Id = id }, client);
        yield return (Rpc.Profiles, "RemoveCarePartner", id => new RemoveCarePartnerRequest { ProfileId = id, PartnerId = "p" }, client);
        yield return (Rpc.Profiles, "AddCarePartner", id => new AddCarePartnerRequest
        {
            ProfileId = id, Partner = new CarePartner { Name = "Ana", Layer = CareLayer.Body, Cadence = Cadence.Regular },
        }, client);
        yield return (Rpc.Matching, "FindMatches", id => new FindMatchesRequest { ProfileId = id }, client);
        yield return (Rpc.Matching, "FindReferrals", id => new FindReferralsRequest { ProfileId = id, Specialty = "207RC0000X" }, client);
        yield return (Rpc.Matching, "SuggestCareTeam", id => new SuggestCareTeamRequest { ProfileId = id }, client);
    }

    public static string Show(string value) =>
        value.Length > 24 ? $"{value.Length} chars" : string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

using Google.Protobuf;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>
/// Garbage and damaged protobuf (truncated, overlong varints, wrong wire types, lengths past the
/// end, seeded random bytes) and messages over the 1 MiB limit. Whether a byte string parses is
/// decided by the real parser (<see cref="GrpcCase.Of(string,string,string,byte[],string?)"/>):
/// random bytes that happen to parse are judged as well-formed requests.
/// </summary>
public static class ByteCases
{
    public static IEnumerable<GrpcCase> All(Seeded s)
    {
        var owner = GatewayGrpc.Bearer(s.ListingOwner);
        var client = GatewayGrpc.Bearer(s.ProfileOwner);
        // Changes to the seeded data go as a stranger: bytes that happen to parse must not rewrite it.
        var stranger = GatewayGrpc.Bearer(Seeded.Stranger);
        var targets = new (string Service, string Method, IMessage Valid, string Auth)[]
        {
            (Rpc.Directory, "CreateListing", new CreateListingRequest { Listing = Samples.Naturopath() }, owner),
            (Rpc.Directory, "GetListing", new GetListingRequest { Id = s.Listing.Id }, owner),
            (Rpc.Directory, "UpdateListing", new UpdateListingRequest { Listing = s.Listing }, stranger),
            (Rpc.Directory, "SearchListings", new SearchListingsRequest { Query = "herbs", PageSize = 5 }, owner),
            (Rpc.Availability, "SetWeeklyAvailability", new SetWeeklyAvailabilityRequest { ListingId = s.Listing.Id, SessionMinutes = 45 }, stranger),
            (Rpc.Availability, "HoldSlot", new HoldSlotRequest { ListingId = s.Listing.Id, StartTime = s.Hold.Slot.StartTime }, stranger),
            (Rpc.Profiles, "CreateProfile", new CreateProfileRequest { Profile = Samples.NatureClient() }, client),
            (Rpc.Profiles, "UpdateProfile", new UpdateProfileRequest { Profile = s.Profile }, stranger),
            (Rpc.Matching, "FindMatches", new FindMatchesRequest { ProfileId = s.Profile.Id, PageSize = 3 }, client),
        };
        var random = new Random(20_240_611);
        foreach (var (service, method, valid, auth) in targets)
        {
            var bytes = valid.ToByteArray();
            foreach (var (name, damaged) in Damaged(bytes, random))
                yield return GrpcCase.Of(name, service, method, damaged, auth);
        }
        foreach (var c in Oversize(s, owner, client)) yield return c;
    }

    private static IEnumerable<(string, byte[])> Damaged(byte[] valid, Random random)
    {
        yield return ("truncated to half", valid[..(valid.Length / 2)]);
        yield return ("last byte cut", valid[..^1]);
        yield return ("0xFF x 16", Enumerable.Repeat((byte)0xFF, 16).ToArray());
        yield return ("overlong varint", [0x08, .. Enumerable.Repeat((byte)0xFF, 10), 0x01]);
        yield return ("length past the end", [0x0A, 0x64, 0x61]);
        yield return ("wire type 7", [0x0F, 0x00]);
        yield return ("field number 0", [0x00, 0x01]);
        yield return ("end group without start", [0x0C]);
        yield return ("negative length", [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]);
        yield return ("valid then garbage", [.. valid, 0xFF, 0xFF]);
        for (var i = 0; i < 4; i++)
        {
            var garbage = new byte[random.Next(1, 256)];
            random.NextBytes(garbage);
            yield return ($"random bytes #{i}", garbage);
        }
        var flipped = (byte[])valid.Clone();
        flipped[random.Next(flipped.Length)] ^= 0xFF;
        yield return ("one byte flipped", flipped);
    }

    private static IEnumerable<GrpcCase> Oversize(Seeded s, string owner, string client)
    {
        const int Over = GrpcCase.MaxMessageBytes + 64 * 1024;
        yield return GrpcCase.Of("id over 1 MiB", Rpc.Directory, "GetListing", new GetListingRequest { Id = new string('i', Over) }, null);
        var listing = Samples.Naturopath();
        listing.Bio = new string('b', 2 * GrpcCase.MaxMessageBytes);
        yield return GrpcCase.Of("bio of 2 MiB", Rpc.Directory, "CreateListing", new CreateListingRequest { Listing = listing }, owner);
        yield return GrpcCase.Of("query over 1 MiB", Rpc.Directory, "SearchListings", new SearchListingsRequest { Query = new string('q', Over) }, null);
        var profile = Samples.NatureClient();
        profile.Story = new string('s', Over);
        yield return GrpcCase.Of("story over 1 MiB", Rpc.Profiles, "CreateProfile", new CreateProfileRequest { Profile = profile }, client);
        yield return GrpcCase.Of("filters.query of 3 MiB", Rpc.Matching, "FindMatches",
            new FindMatchesRequest { ProfileId = s.Profile.Id, Filters = new MatchFilters { Query = new string('q', 3 * GrpcCase.MaxMessageBytes) } }, client);
        yield return GrpcCase.Of("100k listing ids", Rpc.Availability, "GetEarliestSlots",
            new GetEarliestSlotsRequest { ListingIds = { Enumerable.Range(0, 100_000).Select(i => $"listing-{i:D8}") } }, null);
    }
}

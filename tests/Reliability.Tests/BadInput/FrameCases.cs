using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>
/// Broken gRPC framing over raw HTTP/2: a length prefix longer than the body, a compressed flag
/// with no compression, a 4 GiB length, no message, two messages for a unary call, a cut header,
/// a 2 MiB frame. grpc-dotnet refuses these before any handler; none may be answered OK.
/// </summary>
public static class FrameCases
{
    /// <returns>How many requests were sent.</returns>
    public static async Task<int> RunAsync(int gatewayGrpcPort, Seeded s, StatusTally tally, ConcurrentBag<string> failures)
    {
        using var http = new RawHttp2(gatewayGrpcPort);
        var owner = GatewayGrpc.Bearer(s.ListingOwner);
        var client = GatewayGrpc.Bearer(s.ProfileOwner);
        var targets = new (string Path, IMessage Valid, string Auth)[]
        {
            ($"/{Rpc.Directory}/GetListing", new GetListingRequest { Id = s.Listing.Id }, owner),
            ($"/{Rpc.Directory}/CreateListing", new CreateListingRequest { Listing = Samples.Naturopath("Frame probe") }, owner),
            ($"/{Rpc.Directory}/SearchListings", new SearchListingsRequest { Query = "herbs" }, owner),
            ($"/{Rpc.Availability}/ListOpenSlots", new ListOpenSlotsRequest { ListingId = s.Listing.Id }, client),
            ($"/{Rpc.Profiles}/GetProfile", new GetProfileRequest { Id = s.Profile.Id }, client),
            ($"/{Rpc.Matching}/FindMatches", new FindMatchesRequest { ProfileId = s.Profile.Id }, client),
        };
        // Control: a correct frame on the same path is answered OK, so the refusals below are about the framing.
        var (controlHttp, control) = await http.PostAsync(targets[0].Path, RawHttp2.Frame(targets[0].Valid.ToByteArray()), owner);
        if (control != StatusCode.OK) failures.Add($"control: a correct frame got HTTP {(int)controlHttp}, grpc-status {control}");
        var sent = 0;
        foreach (var (path, valid, auth) in targets)
        {
            var bytes = valid.ToByteArray();
            foreach (var (name, body) in Bodies(bytes))
            {
                sent++;
                var (httpStatus, grpc) = await http.PostAsync(path, body, auth);
                tally.Add("gRPC broken frames", grpc is { } code ? code.ToString() : $"HTTP {(int)httpStatus}, no grpc-status");
                if (grpc == StatusCode.OK) failures.Add($"{path}: {name} -> OK");
                if ((int)httpStatus >= 500) failures.Add($"{path}: {name} -> HTTP {(int)httpStatus}");
            }
        }
        return sent;
    }

    private static IEnumerable<(string, byte[])> Bodies(byte[] valid)
    {
        yield return ("length prefix longer than the body", RawHttp2.Frame(valid, declaredLength: (uint)valid.Length + 100));
        yield return ("compressed flag without grpc-encoding", RawHttp2.Frame(valid, compressed: true));
        yield return ("4 GiB length", RawHttp2.Frame(valid, declaredLength: uint.MaxValue));
        yield return ("no message", []);
        yield return ("two messages for a unary call", [.. RawHttp2.Frame(valid), .. RawHttp2.Frame(valid)]);
        yield return ("header cut after 3 bytes", [0, 0, 0]);
        yield return ("2 MiB frame", RawHttp2.Frame(new byte[2 * 1024 * 1024]));
    }
}

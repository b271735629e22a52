using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>
/// The measured calls. Each returns a caller loop body for a channel (gateway, service port or
/// nginx), so the same requests go through every path.
/// </summary>
public sealed class Workloads(BenchData data, CallerTokens tokens)
{
    public sealed record Workload(string Name, string Service, Func<GrpcChannel, Func<int, long, Task>> Body, StatusCode[] Expected);

    private static readonly SearchListingsRequest[] Searches = BuildSearches();

    public IReadOnlyList<Workload> All =>
    [
        new("no-op: ListModalities(ENERGY)", "directory", NoOp, []),
        new("SearchListings mixed filters", "directory", Search, []),
        new("FindMatches uncached", "matching", MatchesUncached, []),
        new("FindMatches cached", "matching", MatchesCached, []),
        new("booking race HoldSlot+ConfirmBooking", "directory", Booking,
            [StatusCode.AlreadyExists, StatusCode.Aborted, StatusCode.FailedPrecondition, StatusCode.NotFound]),
        new("profile writes UpdateProfile", "profiles", ProfileWrites, []),
    ];

    /// <summary>The cheapest real proxied RPC: no store or index access, a response of ~10 modalities.</summary>
    /// <remarks>Here and in the other read workloads the answer is received but not decoded (<see cref="UndecodedCalls"/>).</remarks>
    public static Func<int, long, Task> NoOp(GrpcChannel channel)
    {
        var call = UndecodedCalls.Unary<ListModalitiesRequest>(channel.CreateCallInvoker(), DirectoryService.Descriptor, "ListModalities");
        var request = new ListModalitiesRequest { Category = ModalityCategory.Energy };
        return async (_, _) => await call(request, default);
    }

    private static Func<int, long, Task> Search(GrpcChannel channel)
    {
        var call = UndecodedCalls.Unary<SearchListingsRequest>(channel.CreateCallInvoker(), DirectoryService.Descriptor, "SearchListings");
        return async (caller, i) => await call(Searches[(caller + i) % Searches.Length], default);
    }

    private long _uncachedCalls;

    private Func<int, long, Task> MatchesUncached(GrpcChannel channel)
    {
        var findMatches = UndecodedCalls.Unary<FindMatchesRequest>(channel.CreateCallInvoker(), MatchingService.Descriptor, "FindMatches");
        return async (_, _) =>
        {
            // One sequence across warm-up and every path (YARP, direct, nginx): the weights pair
            // (n mod 9, n / 9 mod 1,000) is new for each of the first 90,000 calls, so no
            // (profile version, request) cache key ever repeats and the cache never answers.
            var n = Interlocked.Increment(ref _uncachedCalls);
            var (owner, id) = data.Profiles[(int)(n * 7_919 % data.Profiles.Count)];
            var weights = new MatchWeights { Lifestyle = 1 + n % 9, Modality = n / 9 % 1_000 / 100.0, Distance = 2, Terms = 2, Availability = 1, Approach = 1 };
            await findMatches(new FindMatchesRequest { ProfileId = id, PageSize = 20, Weights = weights }, tokens.For(owner));
        };
    }

    private Func<int, long, Task> MatchesCached(GrpcChannel channel)
    {
        var findMatches = UndecodedCalls.Unary<FindMatchesRequest>(channel.CreateCallInvoker(), MatchingService.Descriptor, "FindMatches");
        return async (caller, i) =>
        {
            var (owner, id) = data.Profiles[(int)((caller + i) % 64)];
            await findMatches(new FindMatchesRequest { ProfileId = id, PageSize = 20 }, tokens.For(owner));
        };
    }

    /// <summary>Callers pick from the same few slots, so most lose the race (ALREADY_EXISTS/ABORTED) and one wins each.</summary>
    private Func<int, long, Task> Booking(GrpcChannel channel)
    {
        var client = new AvailabilityService.AvailabilityServiceClient(channel);
        var start = DateTimeOffset.UtcNow.Date.AddDays(1);
        return async (caller, i) =>
        {
            var day = (i / 4) % 300;
            var slot = new DateTimeOffset(start.AddDays(day), TimeSpan.Zero).AddHours(16).AddMinutes(30 * (i % 4));
            var options = tokens.For($"client-{caller:D5}");
            var hold = await client.HoldSlotAsync(new HoldSlotRequest { ListingId = data.BookableListingId, StartTime = Timestamp.FromDateTimeOffset(slot) }, options);
            await client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, options);
        };
    }

    /// <summary>Etag each caller last read, shared by every path: the paths take turns on the same profiles.</summary>
    private readonly Dictionary<int, string> _etags = [];

    /// <summary>Each caller edits its own profile with the etag it last read (no conflicts).</summary>
    private Func<int, long, Task> ProfileWrites(GrpcChannel channel)
    {
        var client = new ProfileService.ProfileServiceClient(channel);
        var etags = _etags;
        return async (caller, i) =>
        {
            var (owner, id) = data.Profiles[caller % data.Profiles.Count];
            var options = tokens.For(owner);
            string? etag;
            lock (etags) etags.TryGetValue(caller, out etag);
            etag ??= (await client.GetProfileAsync(new GetProfileRequest { Id = id }, options)).Etag;
            var request = new UpdateProfileRequest
            {
                Profile = new Profile { Id = id, Etag = etag, MaxTravelKm = 10 + i % 50 },
                UpdateMask = new FieldMask { Paths = { "max_travel_km" } },
            };
            var updated = await client.UpdateProfileAsync(request, options);
            lock (etags) etags[caller] = updated.Etag;
        };
    }

    private static SearchListingsRequest[] BuildSearches()
    {
        var text = new SearchListingsRequest { Query = "massage for athletes", PageSize = 20 };
        var filtered = new SearchListingsRequest { Query = "gentle herbs", AcceptingNewClientsOnly = true, MaxFee = 12_000, Currency = "USD", PageSize = 20 };
        filtered.Modalities.AddRange(["western-herbalism", "naturopathy", "holistic-nutrition"]);
        var near = new SearchListingsRequest { Near = new GeoRadius { Lat = 45.5152, Lon = -122.6784, RadiusKm = 25 }, IncludeTelehealth = false, PageSize = 20, OrderBy = SearchOrder.Distance };
        near.Languages.Add("en");
        var orientation = new SearchListingsRequest { AcceptingNewClientsOnly = true, PageSize = 20 };
        orientation.Orientations.Add(Orientation.NatureOriented);
        orientation.LifestyleTags.Add("organic-food");
        var nearText = new SearchListingsRequest { Query = "anxiety", Near = new GeoRadius { Lat = 40.7128, Lon = -74.0060, RadiusKm = 30 }, PageSize = 20 };
        return [text, filtered, near, orientation, nearText];
    }
}

using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Testing;
using StackExchange.Redis;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>
/// Loads the running system: listings through ImportListings, weekly hours for most of them,
/// profiles, and one bookable listing.
/// </summary>
public sealed class BenchData
{
    public const string Practitioner = "bench";

    public List<(string Owner, string ProfileId)> Profiles { get; } = [];
    public string BookableListingId { get; private set; } = "";

    public static async Task<(TimeSpan Elapsed, int Imported)> ImportListingsAsync(GrpcChannel channel, int count)
    {
        var client = new DirectoryService.DirectoryServiceClient(channel);
        var listings = BenchListings.Generate(count);
        foreach (var listing in listings) listing.Id = "";
        var clock = Stopwatch.StartNew();
        using var call = client.ImportListings(Tokens.As(Practitioner).WithDeadline(DateTime.UtcNow.AddMinutes(10)));
        foreach (var listing in listings) await call.RequestStream.WriteAsync(new ImportListingsRequest { Listing = listing });
        await call.RequestStream.CompleteAsync();
        var response = await call;
        return (clock.Elapsed, response.Imported);
    }

    /// <summary>
    /// Weekly hours (<see cref="SyntheticSchedules"/>) for seven listings in eight, as the Directory's
    /// demo data has them, so FindMatches looks up real earliest slots for most candidates. Written
    /// straight to the store through the Directory's own store classes: the import is what is timed,
    /// not 87,500 SetWeeklyAvailability calls.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, int Published)> PublishSchedulesAsync(string storeConnectionString)
    {
        var clock = Stopwatch.StartNew();
        using var redis = await ConnectionMultiplexer.ConnectAsync(storeConnectionString);
        var listings = new RedisListingStore(redis);
        var availability = new RedisAvailabilityStore(redis);
        var ids = (await redis.GetDatabase().SetMembersAsync(RedisListingStore.IdsKey)).Select(v => (string)v!).Order(StringComparer.Ordinal).ToArray();
        var published = 0;
        foreach (var chunk in ids.Where((_, i) => i % 8 != 0).Chunk(1000))
        {
            var found = await listings.GetManyAsync(chunk, CancellationToken.None);
            var saves = found.OfType<Listing>().Select(l => availability.SaveScheduleAsync(SyntheticSchedules.For(l), CancellationToken.None)).ToArray();
            await Task.WhenAll(saves);
            published += saves.Length;
        }
        return (clock.Elapsed, published);
    }

    /// <summary>Waits until search sees <paramref name="count"/> listings (the index may trail the store).</summary>
    public static async Task<TimeSpan> WaitIndexedAsync(GrpcChannel channel, int count)
    {
        var client = new DirectoryService.DirectoryServiceClient(channel);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var page = await client.SearchListingsAsync(new SearchListingsRequest { PageSize = 1 });
            if (page.TotalSize >= count) break;
            await Task.Delay(200);
        }
        return clock.Elapsed;
    }

    public async Task<TimeSpan> CreateProfilesAsync(GrpcChannel channel, int count)
    {
        var client = new ProfileService.ProfileServiceClient(channel);
        var clock = Stopwatch.StartNew();
        var created = new (string, string)[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var owner = $"client-{i:D5}";
            var profile = await client.CreateProfileAsync(new CreateProfileRequest { Profile = BenchProfiles.Create(i) }, Tokens.As(owner));
            created[i] = (owner, profile.Id);
        });
        Profiles.AddRange(created);
        return clock.Elapsed;
    }

    /// <summary>One listing with open hours every day, 09:00–17:00 in 30-minute sessions.</summary>
    public async Task CreateBookableListingAsync(GrpcChannel channel)
    {
        var listing = BenchListings.Generate(1)[0];
        listing.Id = "";
        listing.AcceptingNewClients = true; // the race's callers are all new clients

        var created = await new DirectoryService.DirectoryServiceClient(channel)
            .CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As(Practitioner));
        var request = new SetWeeklyAvailabilityRequest { ListingId = created.Id, SessionMinutes = 30 };
        foreach (var day in Enum.GetValues<Weekday>().Where(d => d != Weekday.Unspecified))
            request.Windows.Add(new WeeklyWindow { Weekday = day, Start = "09:00", End = "17:00" });
        await new AvailabilityService.AvailabilityServiceClient(channel).SetWeeklyAvailabilityAsync(request, Tokens.As(Practitioner));
        BookableListingId = created.Id;
    }
}

using Google.Protobuf;
using Grpc.Net.Client;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;
using StackExchange.Redis;

namespace HealingNetwork.Reliability.Tests.Support;

/// <summary>
/// What a user and the store see of the seeded data: the listing, its hours and bookings, the
/// profile, a search, and the store's directory sequence (every listing write increments it). Equal snapshots before and after a run of rejected requests mean nothing changed.
/// </summary>
public sealed record SystemSnapshot(string Listing, string Availability, string Bookings, string Profile, int SearchTotal, long DirectorySequence)
{
    public static async Task<SystemSnapshot> TakeAsync(GrpcChannel gateway, string storeConnection, Seeded seeded)
    {
        var directory = new DirectoryService.DirectoryServiceClient(gateway);
        var availability = new AvailabilityService.AvailabilityServiceClient(gateway);
        var profiles = new ProfileService.ProfileServiceClient(gateway);
        var owner = Tokens.As(seeded.ListingOwner);
        var listing = await directory.GetListingAsync(new GetListingRequest { Id = seeded.Listing.Id });
        listing.Stale = false;
        var hours = await availability.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = seeded.Listing.Id }, owner);
        var bookings = await availability.ListBookingsAsync(new ListBookingsRequest { ListingId = seeded.Listing.Id }, owner);
        var profile = await profiles.GetProfileAsync(new GetProfileRequest { Id = seeded.Profile.Id }, Tokens.As(seeded.ProfileOwner));
        var search = await directory.SearchListingsAsync(new SearchListingsRequest { PageSize = 1 });

        await using var redis = await ConnectionMultiplexer.ConnectAsync(storeConnection);
        var sequence = (long?)await redis.GetDatabase().StringGetAsync("directory:seq") ?? 0;
        return new SystemSnapshot(JsonFormatter.Default.Format(listing), JsonFormatter.Default.Format(hours), JsonFormatter.Default.Format(bookings),
            JsonFormatter.Default.Format(profile), search.TotalSize, sequence);
    }

    /// <summary>Every service answers a valid request through the gateway.</summary>
    public static async Task AssertAllServicesAnswerAsync(GrpcChannel gateway, Seeded seeded)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await new DirectoryService.DirectoryServiceClient(gateway).GetListingAsync(new GetListingRequest { Id = seeded.Listing.Id }, deadline: deadline);
        await new AvailabilityService.AvailabilityServiceClient(gateway).ListOpenSlotsAsync(new ListOpenSlotsRequest { ListingId = seeded.Listing.Id }, deadline: deadline);
        await new ProfileService.ProfileServiceClient(gateway).GetProfileAsync(new GetProfileRequest { Id = seeded.Profile.Id },
            Tokens.Bearer(seeded.ProfileOwner), deadline);
        var matches = await new MatchingService.MatchingServiceClient(gateway).FindMatchesAsync(
            new FindMatchesRequest { ProfileId = seeded.Profile.Id, PageSize = 7 }, Tokens.Bearer(seeded.ProfileOwner), deadline);
        Assert.NotNull(matches);
    }
}

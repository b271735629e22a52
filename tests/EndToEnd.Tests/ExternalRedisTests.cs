using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;
using HealingNetwork.Testing.System;
using Xunit.Abstractions;

namespace HealingNetwork.EndToEnd.Tests;

/// <summary>`ConnectionStrings:redis` switches the whole system from the embedded store to an external Redis.</summary>
[Collection(SystemCollection.Name)]
public sealed class ExternalRedisTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_whole_system_runs_on_an_external_redis_server_when_configured()
    {
        var dir = Path.Combine(Path.GetTempPath(), "healing-e2e-redis", Guid.NewGuid().ToString("N"));
        using var redis = StoreProcess.Redis(TestStore.FreePort(), dir);
        if (redis is null)
        {
            output.WriteLine("redis-server is not installed; .ci/run installs it.");
            return;
        }
        await redis.StartAsync();

        await using var system = await RunningSystem.StartAsync(
            settings: new Dictionary<string, string> { ["ConnectionStrings:redis"] = $"127.0.0.1:{redis.Port}" });
        using var channel = system.GatewayChannel();
        var listing = await new DirectoryService.DirectoryServiceClient(channel)
            .CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As("redis-practitioner"));
        var profile = await new ProfileService.ProfileServiceClient(channel)
            .CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, Tokens.As("redis-client"));
        var matching = new MatchingService.MatchingServiceClient(channel);
        var matches = await ColdStart.ReadAsync(() => matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = profile.Id }, Tokens.As("redis-client")));

        Assert.Contains(matches.Matches, m => m.Listing.Id == listing.Id);
        using var direct = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port}");
        Assert.True(await direct.GetDatabase().KeyExistsAsync($"listing:{{{listing.Id}}}"), "the listing is in the external Redis");
    }
}

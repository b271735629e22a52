using StackExchange.Redis;

namespace HealingNetwork.Reliability.Tests.Support;

/// <summary>How many listings and profiles the store holds (key layouts: RedisListingStore, RedisProfileStore).</summary>
public static class StoreCounts
{
    public static async Task<(int Listings, int Profiles)> TakeAsync(string storeConnection)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(storeConnection);
        var server = redis.GetServers()[0];
        var listings = 0;
        await foreach (var _ in server.KeysAsync(pattern: "listing:*")) listings++;
        var profiles = 0;
        await foreach (var _ in server.KeysAsync(pattern: "profile:*")) profiles++;
        return (listings, profiles);
    }
}

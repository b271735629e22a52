using Google.Protobuf;
using HealingNetwork.ServiceDefaults.Storage;
using StackExchange.Redis;

namespace HealingNetwork.Matching.Storage;

/// <summary>
/// Cached match results. Key layout:
/// <code>
/// match-cache:{profileId}  hash  field "{kind}:{profile version}:{directory seq}:{request hash}" = response protobuf;
///                                expires 5 minutes after the last write (availability moves on)
/// directory:seq            string read only: bumped by every listing write
/// </code>
/// A profile change bumps its version and a listing change bumps the directory sequence, so any
/// write makes old entries unreachable; erasing a profile deletes the whole hash.
/// </summary>
public sealed class MatchCache(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<long> DirectoryGenerationAsync()
    {
        var value = await redis.GetDatabase().StringGetAsync(SharedKeys.DirectorySequence);
        return value.IsNull ? 0 : (long)value;
    }

    /// <summary>The cached response's protobuf encoding, or null.</summary>
    public async Task<byte[]?> GetAsync(string profileId, string field)
    {
        var value = await redis.GetDatabase().HashGetAsync(SharedKeys.MatchCache(profileId), field);
        return value.IsNull ? null : (byte[])value!;
    }

    /// <summary>Caches a response's protobuf encoding.</summary>
    public async Task SetAsync(string profileId, string field, byte[] encoding)
    {
        var db = redis.GetDatabase();
        var key = SharedKeys.MatchCache(profileId);
        var batch = db.CreateBatch();
        var set = batch.HashSetAsync(key, field, encoding);
        var expire = batch.KeyExpireAsync(key, Lifetime);
        batch.Execute();
        await Task.WhenAll(set, expire);
    }
}

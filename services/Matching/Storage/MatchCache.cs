using System.Buffers.Binary;
using HealingNetwork.ServiceDefaults.Storage;
using K4os.Compression.LZ4;
using StackExchange.Redis;

namespace HealingNetwork.Matching.Storage;

/// <summary>
/// Cached match results. Key layout:
/// <code>
/// match-cache:{profileId}  hash  field "{kind}:{profile version}:{directory seq}:{request hash}" =
///                                the response protobuf's length (4 bytes, little-endian), then its
///                                LZ4 block (high-compression level 3);
///                                expires 5 minutes after the last write (availability moves on)
/// directory:seq            string read only: bumped by every listing write
/// profile:{profileId}      hash   read only, fields version and owner (Profiles writes them with
///                                every version of the profile; its data is never read here)
/// </code>
/// A profile change bumps its version and a listing change bumps the directory sequence, so any
/// write makes old entries unreachable; erasing a profile deletes the whole hash.
/// <para>
/// Entries are compressed because every distinct answer is kept for 5 minutes and an answer is
/// mostly listing and explanation text: a 27.8 KB answer of 20 matches is stored in 8.5 KB. A cache
/// hit decompresses, so the codec is the one that decodes fastest at that size: LZ4 (HC level 3)
/// decodes it in 3.2 µs where Deflate at its fastest level took 18 µs for 8.9 KB, and Brotli
/// quality 1 cost a hit ~0.1 ms under load. Encoding (on a miss, beside ~4 ms of matching) takes
/// 69 µs (tests/Benchmarks micro, CacheCodecBenchmarks).
/// </para>
/// </summary>
public sealed class MatchCache(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The profile's stored version and owner (null when there is no such profile, or it lacks
    /// either field), and the directory's generation, read in one round trip.
    /// </summary>
    public async Task<(ProfileStamp? Profile, long DirectoryGeneration)> StampAsync(string profileId)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var fields = batch.HashGetAsync(SharedKeys.Profile(profileId), [SharedKeys.ProfileVersionField, SharedKeys.ProfileOwnerField]);
        var generation = batch.StringGetAsync(SharedKeys.DirectorySequence);
        batch.Execute();
        var (values, seq) = (await fields, await generation);
        var stamp = !values[0].IsNull && !values[1].IsNull && values[0].TryParse(out long version)
            ? new ProfileStamp(version, values[1].ToString())
            : null;
        return (stamp, seq.IsNull ? 0 : (long)seq);
    }

    /// <summary>The cached response's protobuf encoding, or null (also when the entry cannot be decoded).</summary>
    public async Task<byte[]?> GetAsync(string profileId, string field)
    {
        var value = await redis.GetDatabase().HashGetAsync(SharedKeys.MatchCache(profileId), field);
        return value.IsNull ? null : Decode((byte[])value!);
    }

    /// <summary>Caches a response's protobuf encoding.</summary>
    public async Task SetAsync(string profileId, string field, byte[] encoding)
    {
        var db = redis.GetDatabase();
        var key = SharedKeys.MatchCache(profileId);
        var batch = db.CreateBatch();
        var set = batch.HashSetAsync(key, field, Encode(encoding));
        var expire = batch.KeyExpireAsync(key, Lifetime);
        batch.Execute();
        await Task.WhenAll(set, expire);
    }

    /// <summary>The stored form of an encoding: its length (4 bytes, little-endian), then its LZ4 block.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> encoding)
    {
        var output = new byte[4 + LZ4Codec.MaximumOutputSize(encoding.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(output, encoding.Length);
        var written = LZ4Codec.Encode(encoding, output.AsSpan(4), LZ4Level.L03_HC);
        return output.AsSpan(0, 4 + written).ToArray();
    }

    /// <summary>The encoding a stored value holds; null when the value is not one <see cref="Encode"/> wrote.</summary>
    public static byte[]? Decode(byte[] stored)
    {
        if (stored.Length < 4) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(stored);
        if (length < 0 || length > 64 << 20) return null;
        var encoding = new byte[length];
        // The decoder checks every bound: a corrupt or cut block gives -1 or a different length.
        return LZ4Codec.Decode(stored.AsSpan(4), encoding) == length ? encoding : null;
    }
}

/// <summary>A profile's version and owner as Profiles stored them.</summary>
public sealed record ProfileStamp(long Version, string OwnerId);

using System.Buffers;
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
///                                LZ4 block (fast level);
///                                expires 5 minutes after the last write (availability moves on)
/// directory:seq            string read only: bumped by every listing write
/// profile:{profileId}      hash   read only, fields version and owner (Profiles writes them with
///                                every version of the profile; its data is never read here)
/// </code>
/// A profile change bumps its version and a listing change bumps the directory sequence, so any
/// write makes old entries unreachable; erasing a profile deletes the whole hash.
/// <para>
/// Entries are compressed because every distinct answer is kept for 5 minutes and an answer is
/// mostly listing and explanation text: a 27.8 KB answer of 20 matches is stored in 9.4 KB. A cache
/// hit decompresses, so the codec is one that decodes fast at that size: LZ4 decodes it in 3.3-3.6 µs
/// where Deflate at its fastest level took 18 µs for 8.9 KB, and Brotli quality 1 cost a hit ~0.1 ms
/// under load. LZ4's fast level encodes it in 16 µs (Deflate 31); its HC level 3 saved 0.9 KB per
/// entry but took 71 µs, which profiled at a tenth of Matching's CPU on a miss
/// (tests/Benchmarks micro, CacheCodecBenchmarks).
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
        var scratch = ArrayPool<byte>.Shared.Rent(4 + LZ4Codec.MaximumOutputSize(encoding.Length));
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(scratch, encoding.Length);
            var written = LZ4Codec.Encode(encoding, scratch.AsSpan(4), LZ4Level.L00_FAST);
            return scratch.AsSpan(0, 4 + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
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

using System.Buffers;
using System.Buffers.Binary;
using HealingNetwork.ServiceDefaults.Storage;
using K4os.Compression.LZ4;
using StackExchange.Redis;

namespace HealingNetwork.Matching.Storage;

/// <summary>
/// Cached match results. Key layout:
/// <code>
/// match-cache:{profileId}  hash  field "answer-lz4-v2:{request hash}" = the profile version the answer
///                                was made from (8 bytes), the directory sequence (8 bytes) and the
///                                availability generation (8 bytes) it was made at, the response
///                                protobuf's length (4 bytes; all four little-endian), then its LZ4
///                                block (fast level); expires 5 minutes after the last write (holds
///                                bump no generation, and slots pass)
/// directory:seq            string read only: bumped by every listing write
/// availability:gen         string read only: bumped by every write of weekly hours or exceptions, and
///                                of bookings that move a listing's earliest open slot
/// profile:{profileId}      hash   read only, fields version and owner (Profiles writes them with
///                                every version of the profile; its data is never read here)
/// </code>
/// An entry answers only while the profile's version, the directory sequence and the availability
/// generation are still the ones it carries, so a profile change, a listing change or a change of
/// hours or bookings (earliest slots, "no published hours") makes it stale; erasing a profile deletes
/// the whole hash. The entry is read together with the version, the owner and both generations, so a
/// hit costs one round trip to the store. Fields of earlier layouts are never read: "answer-lz4:"
/// entries lack the availability generation (their header would be misread), and the fields
/// "{kind}:{version}:{seq}:{request hash}" could only be named after a first read; both lapse with the hash.
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

    /// <summary>Version (8), directory sequence (8), availability generation (8), answer length (4).</summary>
    private const int HeaderLength = 28;

    /// <summary>
    /// In one round trip: the profile's stored version and owner (null when there is no such
    /// profile, or it lacks either field), the directory's generations, and the request's stored
    /// entry, still compressed: <see cref="CacheLookup.Answer"/> decodes it when it was made from that
    /// version at those generations.
    /// </summary>
    public async Task<CacheLookup> LookupAsync(string profileId, string requestHash)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var fields = batch.HashGetAsync(SharedKeys.Profile(profileId), [SharedKeys.ProfileVersionField, SharedKeys.ProfileOwnerField]);
        var generations = batch.StringGetAsync([SharedKeys.DirectorySequence, SharedKeys.AvailabilityGeneration]);
        var entry = batch.HashGetAsync(SharedKeys.MatchCache(profileId), Field(requestHash));
        batch.Execute();
        var (values, counters, stored) = (await fields, await generations, await entry);
        var stamp = !values[0].IsNull && !values[1].IsNull && values[0].TryParse(out long version)
            ? new ProfileStamp(version, values[1].ToString())
            : null;
        var generation = new CacheGeneration(counters[0].IsNull ? 0 : (long)counters[0], counters[1].IsNull ? 0 : (long)counters[1]);
        return new CacheLookup(stamp, generation, stamp is null || stored.IsNull ? null : (byte[])stored!);
    }

    /// <summary>Caches the answer to a request, made from the given profile version at the given generations.</summary>
    public async Task SetAsync(string profileId, string requestHash, long profileVersion, CacheGeneration generation, byte[] encoding)
    {
        var db = redis.GetDatabase();
        var key = SharedKeys.MatchCache(profileId);
        var batch = db.CreateBatch();
        var set = batch.HashSetAsync(key, Field(requestHash), Encode(encoding, profileVersion, generation));
        var expire = batch.KeyExpireAsync(key, Lifetime);
        batch.Execute();
        await Task.WhenAll(set, expire);
    }

    /// <summary>The hash field of a request's answer.</summary>
    public static string Field(string requestHash) => $"answer-lz4-v2:{requestHash}";

    /// <summary>The stored form of an answer: what it was made from, its length, then its LZ4 block.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> encoding, long profileVersion, CacheGeneration generation)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(HeaderLength + LZ4Codec.MaximumOutputSize(encoding.Length));
        try
        {
            BinaryPrimitives.WriteInt64LittleEndian(scratch, profileVersion);
            BinaryPrimitives.WriteInt64LittleEndian(scratch.AsSpan(8), generation.DirectorySequence);
            BinaryPrimitives.WriteInt64LittleEndian(scratch.AsSpan(16), generation.Availability);
            BinaryPrimitives.WriteInt32LittleEndian(scratch.AsSpan(24), encoding.Length);
            var written = LZ4Codec.Encode(encoding, scratch.AsSpan(HeaderLength), LZ4Level.L00_FAST);
            return scratch.AsSpan(0, HeaderLength + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// The answer a stored value holds if it was made from <paramref name="profileVersion"/> at
    /// <paramref name="generation"/> (both of its counters), followed by <paramref name="trailer"/> in
    /// the same array; null when it was not, or is not a value <see cref="Encode"/> wrote.
    /// </summary>
    public static byte[]? Decode(byte[] stored, long profileVersion, CacheGeneration generation, ReadOnlySpan<byte> trailer = default)
    {
        if (stored.Length < HeaderLength
            || BinaryPrimitives.ReadInt64LittleEndian(stored) != profileVersion
            || BinaryPrimitives.ReadInt64LittleEndian(stored.AsSpan(8)) != generation.DirectorySequence
            || BinaryPrimitives.ReadInt64LittleEndian(stored.AsSpan(16)) != generation.Availability)
            return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(24));
        if (length < 0 || length > 64 << 20) return null;
        var encoding = new byte[length + trailer.Length];
        // The decoder checks every bound: a corrupt or cut block gives -1 or a different length.
        if (LZ4Codec.Decode(stored.AsSpan(HeaderLength), encoding.AsSpan(0, length)) != length) return null;
        trailer.CopyTo(encoding.AsSpan(length));
        return encoding;
    }
}

/// <summary>What <see cref="MatchCache.LookupAsync"/> found.</summary>
/// <param name="Profile">The profile's stored version and owner; null when there is no such profile.</param>
/// <param name="Generation">The directory sequence and availability generation now: an answer made now is cached under them.</param>
/// <param name="Entry">The stored entry for the request, still compressed (null when there is none or no
/// profile): <see cref="Answer"/> decodes it, so an entry that a caller may not read is never decoded.</param>
public sealed record CacheLookup(ProfileStamp? Profile, CacheGeneration Generation, byte[]? Entry)
{
    /// <summary>
    /// The cached answer's encoding followed by <paramref name="trailer"/>, if the entry was made from
    /// the profile's current version at <see cref="Generation"/>; null on a miss.
    /// </summary>
    public byte[]? Answer(ReadOnlySpan<byte> trailer = default) =>
        Profile is null || Entry is null ? null : MatchCache.Decode(Entry, Profile.Version, Generation, trailer);
}

/// <summary>A profile's version and owner as Profiles stored them.</summary>
public sealed record ProfileStamp(long Version, string OwnerId);

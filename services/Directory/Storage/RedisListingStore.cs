using System.Runtime.CompilerServices;
using Google.Protobuf;
using HealingNetwork.Directory.V1;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Listings in Redis (Garnet or any Redis). Key layout:
/// <code>
/// listing:{id}          string "{etag}:" + Listing protobuf (its etag field empty); etag = sequence of the last write
/// directory:seq         string the directory sequence: INCR on every listing write (etag, feed position, generation)
///                              (never by an availability write: those move availability:gen, <see cref="AvailabilityGeneration"/>)
/// directory:changes     zset   score = sequence, member = "{seq}:u:{id}" (upsert) or "{seq}:d:{id}" (delete);
///                              trimmed to the last 200,000 entries
/// directory:listings    set    every live listing id (rebuilds)
/// directory:layout      string "2" once every listing uses the layout above (layout 1 kept each listing in a
///                              hash of data/etag/owner; <see cref="MigrateLayoutAsync"/> converts it)
/// calendar:{id}         (read) the listing's calendar (<see cref="RedisAvailabilityStore"/>): a delete is refused
///                              while it holds a confirmed booking not yet over
/// </code>
/// Each write is one Lua script, so the listing, the feed entry and the sequence change together; a
/// bulk import writes a whole batch in one script. A listing is one plain string (GET/SET) because
/// Garnet, when it fsyncs before acknowledging, also waits for the log inside a script after every
/// call except plain GET and SET: a batch of 500 listings as hashes waited ~2,000 times, as strings
/// with one variadic SADD/ZADD it waits 3 times.
/// </summary>
public sealed class RedisListingStore(IConnectionMultiplexer redis) : IListingStore
{
    public const string SequenceKey = "directory:seq";
    public const string ChangesKey = "directory:changes";
    public const string IdsKey = "directory:listings";
    public const string LayoutKey = "directory:layout";
    private const int FeedLength = 200_000;

    public static RedisKey ListingKey(string id) => $"listing:{{{id}}}";

    // KEYS: listing:{id}, directory:seq, directory:changes, directory:listings, calendar:{id}.
    // ARGV: mode, expected etag, id, data, feed length, and for a delete: now and now - the longest
    // session (unix s), or ''. Returns the new sequence, or -1 (exists), -2 (missing), -3 (stale etag),
    // -4 (a delete while a confirmed booking in the listing's calendar ends after now: checked in the
    // same step as the delete, so a booking confirmed meanwhile either stops it or is refused for want
    // of a listing).
    private const string WriteScript = """
        local current = redis.call('GET', KEYS[1])
        local mode = ARGV[1]
        if mode == 'create' then
          if current then return -1 end
        else
          if not current then return -2 end
          local expected = ARGV[2]
          if expected ~= '' and string.sub(current, 1, #expected + 1) ~= expected .. ':' then return -3 end
        end
        if mode == 'delete' and ARGV[6] ~= '' then
          local now = tonumber(ARGV[6])
          for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], ARGV[7], '+inf')) do
            local e, x = string.match(m, '^(%d+):(%d+):')
            if x == '0' and tonumber(e) > now then return -4 end
          end
        end
        local seq = redis.call('INCR', KEYS[2])
        if mode == 'delete' then
          redis.call('DEL', KEYS[1])
          redis.call('SREM', KEYS[4], ARGV[3])
          redis.call('ZADD', KEYS[3], seq, seq .. ':d:' .. ARGV[3])
        else
          redis.call('SET', KEYS[1], seq .. ':' .. ARGV[4])
          redis.call('SADD', KEYS[4], ARGV[3])
          redis.call('ZADD', KEYS[3], seq, seq .. ':u:' .. ARGV[3])
        end
        if seq % 1000 == 0 then
          redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', seq - tonumber(ARGV[5]))
        end
        return seq
        """;

    // KEYS: directory:seq, directory:changes, directory:listings, then listing:{id} per listing.
    // ARGV: feed length, then (id, data) per listing. Returns per listing the new sequence or -1 (exists).
    // The sequence moves once for the batch; ids and feed entries go in variadic SADD/ZADD calls of at
    // most 1,000 arguments (Lua 5.1's unpack limit is ~8,000).
    private const string CreateManyScript = """
        local unpack = table.unpack or unpack
        local count = #KEYS - 3
        local results, fresh = {}, {}
        for i = 1, count do
          if redis.call('GET', KEYS[3 + i]) then results[i] = -1 else fresh[#fresh + 1] = i end
        end
        if #fresh == 0 then return results end
        local last = redis.call('INCRBY', KEYS[1], #fresh)
        local first = last - #fresh + 1
        local ids, members = {}, {}
        for n, i in ipairs(fresh) do
          local seq = first + n - 1
          local id = ARGV[2 * i]
          redis.call('SET', KEYS[3 + i], seq .. ':' .. ARGV[2 * i + 1])
          results[i] = seq
          ids[#ids + 1] = id
          members[#members + 1] = seq
          members[#members + 1] = seq .. ':u:' .. id
          if #members == 1000 or n == #fresh then
            redis.call('SADD', KEYS[3], unpack(ids))
            redis.call('ZADD', KEYS[2], unpack(members))
            ids, members = {}, {}
          end
        end
        if math.floor(last / 1000) > math.floor((first - 1) / 1000) then
          redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', last - tonumber(ARGV[1]))
        end
        return results
        """;

    // Layout 1 → 2 for the ids in KEYS (each listing:{id}): a hash becomes the "{etag}:{data}" string.
    private const string MigrateScript = """
        local moved = 0
        for i = 1, #KEYS do
          if redis.call('TYPE', KEYS[i])['ok'] == 'hash' then
            local fields = redis.call('HMGET', KEYS[i], 'etag', 'data')
            redis.call('DEL', KEYS[i])
            redis.call('SET', KEYS[i], fields[1] .. ':' .. fields[2])
            moved = moved + 1
          end
        end
        return moved
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<Listing> listings, CancellationToken cancellationToken)
    {
        if (listings.Count == 0) return [];
        var keys = new RedisKey[3 + listings.Count];
        (keys[0], keys[1], keys[2]) = (SequenceKey, ChangesKey, IdsKey);
        var args = new RedisValue[1 + 2 * listings.Count];
        args[0] = FeedLength;
        for (var i = 0; i < listings.Count; i++)
        {
            keys[3 + i] = ListingKey(listings[i].Id);
            (args[1 + 2 * i], args[2 + 2 * i]) = (listings[i].Id, StoredBytes(listings[i]));
        }
        var results = (long[])(await Db.ScriptEvaluateAsync(CreateManyScript, keys, args))!;
        var created = new bool[listings.Count];
        for (var i = 0; i < listings.Count; i++)
        {
            if (results[i] < 0) continue;
            listings[i].Etag = results[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            created[i] = true;
        }
        return created;
    }

    /// <summary>
    /// Converts listings stored by layout 1 (a hash per listing) to layout 2; idempotent, per listing
    /// atomic, so a crash half way is finished by the next start. Returns how many were converted.
    /// </summary>
    public async Task<long> MigrateLayoutAsync(CancellationToken cancellationToken)
    {
        if ((await Db.StringGetAsync(LayoutKey)) == "2") return 0;
        long moved = 0;
        await foreach (var ids in AllIdsAsync(500, cancellationToken))
            moved += (long)await Db.ScriptEvaluateAsync(MigrateScript, ids.Select(ListingKey).ToArray());
        await Db.StringSetAsync(LayoutKey, "2");
        return moved;
    }

    /// <summary>The listing as stored: its protobuf without the etag (the etag lives in its own field).</summary>
    private static byte[] StoredBytes(Listing listing)
    {
        var etag = listing.Etag;
        listing.Etag = "";
        var data = listing.ToByteArray();
        listing.Etag = etag;
        return data;
    }

    public async Task<bool> CreateAsync(Listing listing, CancellationToken cancellationToken)
    {
        var seq = await WriteAsync("create", listing.Id, "", listing);
        if (seq < 0) return false;
        listing.Etag = seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public async Task<WriteOutcome> ReplaceAsync(Listing listing, string expectedEtag, CancellationToken cancellationToken)
    {
        var seq = await WriteAsync("update", listing.Id, expectedEtag, listing);
        if (seq >= 0) listing.Etag = seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Outcome(seq);
    }

    public async Task<WriteOutcome> DeleteAsync(string id, string expectedEtag, DateTimeOffset? unlessBookedAfter, CancellationToken cancellationToken) =>
        Outcome(await WriteAsync("delete", id, expectedEtag, null, unlessBookedAfter?.ToUnixTimeSeconds()));

    private static WriteOutcome Outcome(long seq) => seq switch
    {
        -2 => WriteOutcome.NotFound,
        -3 => WriteOutcome.StaleEtag,
        -4 => WriteOutcome.Booked,
        _ => WriteOutcome.Written,
    };

    private async Task<long> WriteAsync(string mode, string id, string expectedEtag, Listing? listing, long? bookedAfter = null)
    {
        var data = listing is null ? [] : StoredBytes(listing);
        RedisValue[] guard = bookedAfter is { } now ? [now, now - LongestSessionSeconds] : ["", ""];
        var result = await Db.ScriptEvaluateAsync(WriteScript,
            [ListingKey(id), SequenceKey, ChangesKey, IdsKey, RedisAvailabilityStore.CalendarKey(id)],
            [mode, expectedEtag, id, data, FeedLength, .. guard]);
        return (long)result;
    }

    /// <summary>How long before a moment a session still running then can have started.</summary>
    private const long LongestSessionSeconds = HealingNetwork.Directory.Domain.Availability.WeeklySchedule.MaxSessionMinutes * 60L;

    public async Task<Listing?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await GetManyAsync([id], cancellationToken))[0];

    public async Task<IReadOnlyList<Listing?>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        (await ReadStoredAsync(ids)).Select(stored => stored.IsNull ? null : Parse((ReadOnlyMemory<byte>)stored)).ToArray();

    public async Task<IReadOnlyList<string?>> GetTimeZonesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        (await ReadStoredAsync(ids)).Select(stored => stored.IsNull ? null
            : ListingEncoding.IdAndTimeZone(ProtobufOf((ReadOnlyMemory<byte>)stored)).TimeZone).ToArray();

    /// <summary>The stored values of many listings (null where missing), in one round trip.</summary>
    private async Task<RedisValue[]> ReadStoredAsync(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return [];
        var batch = Db.CreateBatch();
        var reads = ids.Select(id => batch.StringGetAsync(ListingKey(id))).ToArray();
        batch.Execute();
        return await Task.WhenAll(reads);
    }

    public async Task<IReadOnlyList<ListingChange>> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var members = await Db.SortedSetRangeByScoreAsync(ChangesKey, afterSequence, double.PositiveInfinity,
            Exclude.Start, Order.Ascending, 0, limit);
        return members.Select(m => Parse(m.ToString())).ToArray();
    }

    /// <summary>A stored value: the etag digits, ':', then the Listing protobuf.</summary>
    private static Listing Parse(ReadOnlyMemory<byte> stored)
    {
        var listing = Listing.Parser.ParseFrom(ProtobufOf(stored).Span);
        listing.Etag = System.Text.Encoding.ASCII.GetString(stored.Span[..stored.Span.IndexOf((byte)':')]);
        return listing;
    }

    /// <summary>The Listing protobuf in a stored value (after the etag digits and ':').</summary>
    private static ReadOnlyMemory<byte> ProtobufOf(ReadOnlyMemory<byte> stored) => stored[(stored.Span.IndexOf((byte)':') + 1)..];

    private static ListingChange Parse(string member)
    {
        var first = member.IndexOf(':', StringComparison.Ordinal);
        var seq = long.Parse(member.AsSpan(0, first), System.Globalization.CultureInfo.InvariantCulture);
        return new ListingChange(seq, member[(first + 3)..], member[first + 1] == 'd');
    }

    public async Task<long> OldestChangeAsync(CancellationToken cancellationToken)
    {
        var first = await Db.SortedSetRangeByRankWithScoresAsync(ChangesKey, 0, 0);
        return first.Length == 0 ? 0 : (long)first[0].Score;
    }

    public async Task<long> SequenceAsync(CancellationToken cancellationToken)
    {
        var value = await Db.StringGetAsync(SequenceKey);
        return value.IsNull ? 0 : (long)value;
    }

    public async IAsyncEnumerable<IReadOnlyList<string>> AllIdsAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<string>(batchSize);
        await foreach (var id in Db.SetScanAsync(IdsKey, pageSize: batchSize).WithCancellation(cancellationToken))
        {
            batch.Add(id.ToString());
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<string>(batchSize);
            }
        }
        if (batch.Count > 0) yield return batch;
    }
}

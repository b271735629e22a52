using System.Runtime.CompilerServices;
using Google.Protobuf;
using HealingNetwork.Directory.V1;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Listings in Redis (Garnet or any Redis). Key layout:
/// <code>
/// listing:{id}          hash   data = Listing protobuf (etag field empty), etag = sequence of last write, owner = owner id
/// directory:seq         string the directory sequence: INCR on every listing write (etag, feed position, generation)
/// directory:changes     zset   score = sequence, member = "{seq}:u:{id}" (upsert) or "{seq}:d:{id}" (delete);
///                              trimmed to the last 200,000 entries
/// directory:listings    set    every live listing id (rebuilds)
/// </code>
/// Each write is one Lua script, so the listing, the feed entry and the sequence change together; a
/// bulk import writes a whole batch in one script (one round trip, one AOF commit for the batch).
/// </summary>
public sealed class RedisListingStore(IConnectionMultiplexer redis) : IListingStore
{
    public const string SequenceKey = "directory:seq";
    public const string ChangesKey = "directory:changes";
    public const string IdsKey = "directory:listings";
    private const int FeedLength = 200_000;

    public static RedisKey ListingKey(string id) => $"listing:{{{id}}}";

    // Returns the new sequence, or -1 (exists), -2 (missing), -3 (stale etag).
    private const string WriteScript = """
        local exists = redis.call('EXISTS', KEYS[1])
        local mode = ARGV[1]
        if mode == 'create' then
          if exists == 1 then return -1 end
        else
          if exists == 0 then return -2 end
          if ARGV[2] ~= '' and redis.call('HGET', KEYS[1], 'etag') ~= ARGV[2] then return -3 end
        end
        local seq = redis.call('INCR', KEYS[2])
        if mode == 'delete' then
          redis.call('DEL', KEYS[1])
          redis.call('SREM', KEYS[4], ARGV[3])
          redis.call('ZADD', KEYS[3], seq, seq .. ':d:' .. ARGV[3])
        else
          redis.call('HSET', KEYS[1], 'data', ARGV[4], 'etag', tostring(seq), 'owner', ARGV[5])
          redis.call('SADD', KEYS[4], ARGV[3])
          redis.call('ZADD', KEYS[3], seq, seq .. ':u:' .. ARGV[3])
        end
        if seq % 1000 == 0 then
          redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', seq - tonumber(ARGV[6]))
        end
        return seq
        """;

    // KEYS: directory:seq, directory:changes, directory:listings, then listing:{id} per listing.
    // ARGV: feed length, then (id, data, owner) per listing. Returns per listing the new sequence or -1 (exists).
    private const string CreateManyScript = """
        local results = {}
        local count = #KEYS - 3
        for i = 1, count do
          local key = KEYS[3 + i]
          local id = ARGV[3 * i - 1]
          if redis.call('EXISTS', key) == 1 then
            results[i] = -1
          else
            local seq = redis.call('INCR', KEYS[1])
            redis.call('HSET', key, 'data', ARGV[3 * i], 'etag', tostring(seq), 'owner', ARGV[3 * i + 1])
            redis.call('SADD', KEYS[3], id)
            redis.call('ZADD', KEYS[2], seq, seq .. ':u:' .. id)
            if seq % 1000 == 0 then
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', seq - tonumber(ARGV[1]))
            end
            results[i] = seq
          end
        end
        return results
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<Listing> listings, CancellationToken cancellationToken)
    {
        if (listings.Count == 0) return [];
        var keys = new RedisKey[3 + listings.Count];
        (keys[0], keys[1], keys[2]) = (SequenceKey, ChangesKey, IdsKey);
        var args = new RedisValue[1 + 3 * listings.Count];
        args[0] = FeedLength;
        for (var i = 0; i < listings.Count; i++)
        {
            keys[3 + i] = ListingKey(listings[i].Id);
            (args[1 + 3 * i], args[2 + 3 * i], args[3 + 3 * i]) = (listings[i].Id, StoredBytes(listings[i]), listings[i].OwnerId);
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

    public async Task<WriteOutcome> DeleteAsync(string id, string expectedEtag, CancellationToken cancellationToken) =>
        Outcome(await WriteAsync("delete", id, expectedEtag, null));

    private static WriteOutcome Outcome(long seq) => seq switch
    {
        -2 => WriteOutcome.NotFound,
        -3 => WriteOutcome.StaleEtag,
        _ => WriteOutcome.Written,
    };

    private async Task<long> WriteAsync(string mode, string id, string expectedEtag, Listing? listing)
    {
        var data = listing is null ? [] : StoredBytes(listing);
        var result = await Db.ScriptEvaluateAsync(WriteScript,
            [ListingKey(id), SequenceKey, ChangesKey, IdsKey],
            [mode, expectedEtag, id, data, listing?.OwnerId ?? "", FeedLength]);
        return (long)result;
    }

    public async Task<Listing?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await GetManyAsync([id], cancellationToken))[0];

    public async Task<IReadOnlyList<Listing?>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var batch = Db.CreateBatch();
        var reads = ids.Select(id => batch.HashGetAsync(ListingKey(id), [(RedisValue)"data", (RedisValue)"etag"])).ToArray();
        batch.Execute();
        var result = new Listing?[ids.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            var fields = await reads[i];
            if (fields[0].IsNull) continue;
            var listing = Listing.Parser.ParseFrom((byte[])fields[0]!);
            listing.Etag = fields[1].ToString();
            result[i] = listing;
        }
        return result;
    }

    public async Task<IReadOnlyList<ListingChange>> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var members = await Db.SortedSetRangeByScoreAsync(ChangesKey, afterSequence, double.PositiveInfinity,
            Exclude.Start, Order.Ascending, 0, limit);
        return members.Select(m => Parse(m.ToString())).ToArray();
    }

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

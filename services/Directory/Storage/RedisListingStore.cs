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
/// owner-listings:{owner} zset  every live listing id of that owner, all scored 0 so ZRANGEBYLEX pages them by
///                              id (ListListings); changed in the same script as the listing's create or delete
/// directory:layout      string "3" once every listing uses the layout above (layout 1 kept each listing in a
///                              hash of data/etag/owner, layout 2 had no owner-listings index;
///                              <see cref="MigrateLayoutAsync"/> converts and back-fills)
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

    public static RedisKey OwnerListingsKey(string ownerId) => $"owner-listings:{{{ownerId}}}";

    /// <summary>The layout this code writes (<see cref="LayoutKey"/>).</summary>
    private const int CurrentLayout = 3;

    // KEYS: listing:{id}, directory:seq, directory:changes, directory:listings, calendar:{id},
    // owner-listings:{owner}. ARGV: mode, expected etag, id, data, feed length, for a delete: now and
    // now - the longest session (unix s) or '', and the etag the owner was read at. Returns the new
    // sequence, or -1 (exists), -2 (missing), -3 (stale etag), -4 (a delete while a confirmed booking
    // in the listing's calendar ends after now: checked in the same step as the delete, so a booking
    // confirmed meanwhile either stops it or is refused for want of a listing), -5 (a delete of a
    // listing written since its owner was read: read it again). An update leaves the owner's index
    // alone: the owner of a listing never changes.
    private const string WriteScript = """
        local current = redis.call('GET', KEYS[1])
        local mode = ARGV[1]
        if mode == 'create' then
          if current then return -1 end
        else
          if not current then return -2 end
          local expected = ARGV[2]
          if expected ~= '' and string.sub(current, 1, #expected + 1) ~= expected .. ':' then return -3 end
          if mode == 'delete' and string.sub(current, 1, #ARGV[8] + 1) ~= ARGV[8] .. ':' then return -5 end
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
          redis.call('ZREM', KEYS[6], ARGV[3])
          redis.call('ZADD', KEYS[3], seq, seq .. ':d:' .. ARGV[3])
        else
          redis.call('SET', KEYS[1], seq .. ':' .. ARGV[4])
          redis.call('SADD', KEYS[4], ARGV[3])
          if mode == 'create' then redis.call('ZADD', KEYS[6], 0, ARGV[3]) end
          redis.call('ZADD', KEYS[3], seq, seq .. ':u:' .. ARGV[3])
        end
        if seq % 1000 == 0 then
          redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', seq - tonumber(ARGV[5]))
        end
        return seq
        """;

    // Lua shared by the scripts that add many ids to owners' indexes: owners[k] lists the ids to add
    // to the k-th owner key (KEYS[first + k - 1]). One variadic ZADD per owner and 500 ids (Lua 5.1's
    // unpack limit is ~8,000 arguments), because Garnet waits for its log after each such call.
    private const string AddToOwnersLua = """
        local function add_to_owners(owners, first)
          local unpack = table.unpack or unpack
          local added = 0
          for k, ids in pairs(owners) do
            local members = {}
            for n, id in ipairs(ids) do
              members[#members + 1] = 0
              members[#members + 1] = id
              if #members == 1000 or n == #ids then
                added = added + redis.call('ZADD', KEYS[first + k - 1], unpack(members))
                members = {}
              end
            end
          end
          return added
        end
        """;

    // KEYS: directory:seq, directory:changes, directory:listings, then listing:{id} per listing, then
    // owner-listings:{owner} per distinct owner. ARGV: feed length, listing count, then (id, data, the
    // owner's position among the owner keys) per listing. Returns per listing the new sequence or -1
    // (exists). The sequence moves once for the batch; ids and feed entries go in variadic SADD/ZADD
    // calls of at most 1,000 arguments (Lua 5.1's unpack limit is ~8,000).
    private const string CreateManyScript = AddToOwnersLua + "\n" + """
        local unpack = table.unpack or unpack
        local count = tonumber(ARGV[2])
        local results, fresh, owners = {}, {}, {}
        for i = 1, count do
          if redis.call('GET', KEYS[3 + i]) then results[i] = -1 else fresh[#fresh + 1] = i end
        end
        if #fresh == 0 then return results end
        local last = redis.call('INCRBY', KEYS[1], #fresh)
        local first = last - #fresh + 1
        local ids, members = {}, {}
        for n, i in ipairs(fresh) do
          local seq = first + n - 1
          local id = ARGV[3 * i]
          redis.call('SET', KEYS[3 + i], seq .. ':' .. ARGV[3 * i + 1])
          results[i] = seq
          ids[#ids + 1] = id
          members[#members + 1] = seq
          members[#members + 1] = seq .. ':u:' .. id
          local owner = tonumber(ARGV[3 * i + 2])
          owners[owner] = owners[owner] or {}
          table.insert(owners[owner], id)
          if #members == 1000 or n == #fresh then
            redis.call('SADD', KEYS[3], unpack(ids))
            redis.call('ZADD', KEYS[2], unpack(members))
            ids, members = {}, {}
          end
        end
        add_to_owners(owners, 4 + count)
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

    // Layout 2 → 3: KEYS: listing:{id} per listing, then owner-listings:{owner} per distinct owner.
    // ARGV: listing count, then (id, the owner's position among the owner keys) per listing. Adds each
    // listing still stored to its owner's index (GET, not EXISTS: Garnet waits for its log after every
    // call in a script but GET and SET), so a listing deleted since its owner was read is not indexed.
    private const string IndexOwnersScript = AddToOwnersLua + "\n" + """
        local count = tonumber(ARGV[1])
        local owners = {}
        for i = 1, count do
          if redis.call('GET', KEYS[i]) then
            local owner = tonumber(ARGV[2 * i + 1])
            owners[owner] = owners[owner] or {}
            table.insert(owners[owner], ARGV[2 * i])
          end
        end
        return add_to_owners(owners, count + 1)
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<Listing> listings, CancellationToken cancellationToken)
    {
        if (listings.Count == 0) return [];
        var owners = OwnerPositions(listings.Select(l => l.OwnerId));
        var keys = new List<RedisKey>(3 + listings.Count + owners.Count) { SequenceKey, ChangesKey, IdsKey };
        keys.AddRange(listings.Select(l => ListingKey(l.Id)));
        keys.AddRange(owners.Keys.Select(OwnerListingsKey));
        var args = new List<RedisValue>(2 + 3 * listings.Count) { FeedLength, listings.Count };
        foreach (var listing in listings)
            args.AddRange([listing.Id, StoredBytes(listing), owners[listing.OwnerId]]);
        var results = (long[])(await Db.ScriptEvaluateAsync(CreateManyScript, keys.ToArray(), args.ToArray()))!;
        var created = new bool[listings.Count];
        for (var i = 0; i < listings.Count; i++)
        {
            if (results[i] < 0) continue;
            listings[i].Etag = results[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            created[i] = true;
        }
        return created;
    }

    /// <summary>Each distinct owner's position (1-based) among a script's owner keys, in order of first appearance.</summary>
    private static Dictionary<string, int> OwnerPositions(IEnumerable<string> owners)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var owner in owners) positions.TryAdd(owner, positions.Count + 1);
        return positions;
    }

    /// <summary>
    /// Brings a store written by an older Directory to <see cref="CurrentLayout"/>: listings stored by
    /// layout 1 (a hash per listing) become strings (layout 2), and every listing goes into its owner's
    /// index (layout 3), which ListListings reads. Idempotent and atomic per batch, so a crash half way
    /// is finished by the next start. Returns how many listings were converted and how many indexed.
    /// </summary>
    public async Task<(long Converted, long Indexed)> MigrateLayoutAsync(CancellationToken cancellationToken)
    {
        var layout = (int?)await Db.StringGetAsync(LayoutKey) ?? 1;
        if (layout >= CurrentLayout) return (0, 0);
        long converted = 0, indexed = 0;
        await foreach (var ids in AllIdsAsync(500, cancellationToken))
        {
            if (layout < 2) converted += (long)await Db.ScriptEvaluateAsync(MigrateScript, ids.Select(ListingKey).ToArray());
            indexed += await IndexOwnersAsync(ids);
        }
        await Db.StringSetAsync(LayoutKey, CurrentLayout);
        return (converted, indexed);
    }

    /// <summary>Adds these listings to their owners' indexes (those still stored); how many were not there yet.</summary>
    private async Task<long> IndexOwnersAsync(IReadOnlyList<string> ids)
    {
        var stored = await Db.StringGetAsync(ids.Select(ListingKey).ToArray());
        var found = ids.Zip(stored).Where(p => !p.Second.IsNull)
            .Select(p => (Id: p.First, Parse((ReadOnlyMemory<byte>)p.Second).OwnerId)).ToArray();
        if (found.Length == 0) return 0;
        var owners = OwnerPositions(found.Select(f => f.OwnerId));
        var keys = found.Select(f => ListingKey(f.Id)).Concat(owners.Keys.Select(OwnerListingsKey)).ToArray();
        var args = new List<RedisValue>(1 + 2 * found.Length) { found.Length };
        foreach (var (id, owner) in found) args.AddRange([id, owners[owner]]);
        return (long)await Db.ScriptEvaluateAsync(IndexOwnersScript, keys, args.ToArray());
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
        var seq = await WriteAsync("create", listing.Id, "", listing.OwnerId, listing);
        if (seq < 0) return false;
        listing.Etag = seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public async Task<WriteOutcome> ReplaceAsync(Listing listing, string expectedEtag, CancellationToken cancellationToken)
    {
        var seq = await WriteAsync("update", listing.Id, expectedEtag, listing.OwnerId, listing);
        if (seq >= 0) listing.Etag = seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Outcome(seq);
    }

    /// <summary>
    /// The delete must also take the id out of its owner's index, and only the stored listing says who
    /// that is (a script cannot read the protobuf). So the listing is read first, and the script deletes
    /// it only if it is still the version read (every write moves the etag); otherwise it is read again.
    /// Each retry means another write succeeded meanwhile, so this ends.
    /// </summary>
    public async Task<WriteOutcome> DeleteAsync(string id, string expectedEtag, DateTimeOffset? unlessBookedAfter, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await GetAsync(id, cancellationToken) is not { } read) return WriteOutcome.NotFound;
            var seq = await WriteAsync("delete", id, expectedEtag, read.OwnerId, null, unlessBookedAfter?.ToUnixTimeSeconds(), read.Etag);
            if (seq != ChangedSinceRead) return Outcome(seq);
        }
    }

    /// <summary>The write script's answer when a listing to delete was written after its owner was read.</summary>
    private const long ChangedSinceRead = -5;

    private static WriteOutcome Outcome(long seq) => seq switch
    {
        -2 => WriteOutcome.NotFound,
        -3 => WriteOutcome.StaleEtag,
        -4 => WriteOutcome.Booked,
        _ => WriteOutcome.Written,
    };

    private async Task<long> WriteAsync(string mode, string id, string expectedEtag, string ownerId, Listing? listing, long? bookedAfter = null, string readEtag = "")
    {
        var data = listing is null ? [] : StoredBytes(listing);
        RedisValue[] guard = bookedAfter is { } now ? [now, now - LongestSessionSeconds] : ["", ""];
        var result = await Db.ScriptEvaluateAsync(WriteScript,
            [ListingKey(id), SequenceKey, ChangesKey, IdsKey, RedisAvailabilityStore.CalendarKey(id), OwnerListingsKey(ownerId)],
            [mode, expectedEtag, id, data, FeedLength, .. guard, readEtag]);
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

    /// <summary>
    /// The ids come from the owner's index (ZRANGEBYLEX, one more than the page to tell whether another
    /// page follows), the listings in one MGET. A listing deleted between the two reads is left out of
    /// the page; the page still ends after its id.
    /// </summary>
    public async Task<OwnedListingsPage> ListByOwnerAsync(string ownerId, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var ids = await Db.SortedSetRangeByValueAsync(OwnerListingsKey(ownerId),
            afterId is null ? default : (RedisValue)afterId, default, afterId is null ? Exclude.None : Exclude.Start, Order.Ascending, 0, limit + 1);
        var page = ids.Take(limit).Select(id => id.ToString()).ToArray();
        var stored = page.Length == 0 ? [] : await Db.StringGetAsync(page.Select(ListingKey).ToArray());
        var listings = stored.Where(s => !s.IsNull).Select(s => Parse((ReadOnlyMemory<byte>)s))
            .Where(l => l.OwnerId == ownerId).ToArray();
        return new OwnedListingsPage(listings, ids.Length > limit ? page[^1] : null);
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

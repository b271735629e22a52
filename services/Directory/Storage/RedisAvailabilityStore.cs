using System.Globalization;
using Google.Protobuf;
using HealingNetwork.Directory.V1;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Availability and bookings in Redis (Garnet or any Redis). Key layout; every key of one
/// listing's calendar carries the hash tag {listingId}, and hold/booking ids embed the listing id
/// (<see cref="AvailabilityIds"/>), so each Lua script touches keys of one cluster slot:
/// <code>
/// availability:{L}             hash    schedule = WeeklyAvailability protobuf (no exceptions)
/// availability-exceptions:{L}  hash    exception id -> AvailabilityException protobuf
/// slot:{L}:{startUnix}         string  the hold id (PX = hold TTL) or booking id (no TTL) taking the slot
/// hold:{L}-{r}                 hash    client, start, slot = Slot protobuf, expire (unix ms); PX = hold TTL
/// booking:{L}-{r}              hash    client, start, slot = Slot protobuf, state, created (unix ms)
/// bookings:{L}                 zset    score = start unix seconds, member = confirmed booking id
/// client-bookings:{clientId}   set     booking ids of a client (an index, written after the booking)
/// client-holds:{clientId}      set     hold ids of a client (an index, written after the hold); PX = the longest
///                                      remaining hold TTL, so it lapses with the client's last hold
/// </code>
/// The slot key is the lock: SET NX PX in the hold script means two clients racing for a slot
/// get exactly one winner, and a hold lapses by itself when its TTL passes.
/// </summary>
public sealed class RedisAvailabilityStore(IConnectionMultiplexer redis) : IAvailabilityStore
{
    public static RedisKey ScheduleKey(string listingId) => $"availability:{{{listingId}}}";
    public static RedisKey ExceptionsKey(string listingId) => $"availability-exceptions:{{{listingId}}}";
    public static RedisKey SlotKey(string listingId, long startUnix) =>
        string.Create(CultureInfo.InvariantCulture, $"slot:{{{listingId}}}:{startUnix}"); // SlotKeyPrefix + the number, built as one string
    private static string SlotKeyPrefix(string listingId) => $"slot:{{{listingId}}}:";
    public static RedisKey BookingsKey(string listingId) => $"bookings:{{{listingId}}}";
    public static RedisKey ClientBookingsKey(string clientId) => $"client-bookings:{{{clientId}}}";
    public static RedisKey ClientHoldsKey(string clientId) => $"client-holds:{{{clientId}}}";

    private static RedisKey HoldKey(string holdId) => $"hold:{{{Listing(holdId)}}}{holdId[Listing(holdId).Length..]}";
    private static RedisKey BookingKey(string bookingId) => $"booking:{{{Listing(bookingId)}}}{bookingId[Listing(bookingId).Length..]}";

    private static string Listing(string id) =>
        AvailabilityIds.TryListing(id, out var listing) ? listing : throw new ArgumentException("Not an availability id.", nameof(id));

    // KEYS: slot, hold. ARGV: hold id, ttl ms, client, start, slot bytes, expire ms. 1 = held, 0 = taken.
    private const string HoldScript = """
        if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
        redis.call('HSET', KEYS[2], 'client', ARGV[3], 'start', ARGV[4], 'slot', ARGV[5], 'expire', ARGV[6])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return 1
        """;

    // KEYS: hold, slot, booking, bookings. ARGV: hold id, client, booking id, created ms.
    // 1 = confirmed, -1 = hold lapsed (or slot no longer points at it), -2 = someone else's hold.
    private const string ConfirmScript = """
        local h = redis.call('HMGET', KEYS[1], 'client', 'start', 'slot')
        if not h[1] then return -1 end
        if h[1] ~= ARGV[2] then return -2 end
        if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
        redis.call('SET', KEYS[2], ARGV[3])
        redis.call('HSET', KEYS[3], 'client', h[1], 'start', h[2], 'slot', h[3], 'state', 'confirmed', 'created', ARGV[4])
        redis.call('ZADD', KEYS[4], h[2], ARGV[3])
        redis.call('DEL', KEYS[1])
        return 1
        """;

    // KEYS: booking, bookings. ARGV: booking id, slot key prefix. 1 = cancelled, 0 = not confirmed.
    private const string CancelScript = """
        local h = redis.call('HMGET', KEYS[1], 'state', 'start')
        if h[1] ~= 'confirmed' then return 0 end
        redis.call('HSET', KEYS[1], 'state', 'cancelled')
        redis.call('ZREM', KEYS[2], ARGV[1])
        local slot = ARGV[2] .. h[2]
        if redis.call('GET', slot) == ARGV[1] then redis.call('DEL', slot) end
        return 1
        """;

    // KEYS: client holds. ARGV: hold id, ttl ms. The index's TTL only ever grows, so it outlives every hold in it.
    private const string IndexHoldScript = """
        redis.call('SADD', KEYS[1], ARGV[1])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 1
        """;

    // KEYS: hold. ARGV: hold id, client, slot key prefix. 1 = erased, 0 = lapsed, confirmed or not the client's.
    // The slot opens again only while it still points at this hold.
    private const string EraseHoldScript = """
        local h = redis.call('HMGET', KEYS[1], 'client', 'start')
        if h[1] ~= ARGV[2] then return 0 end
        redis.call('DEL', KEYS[1])
        local slot = ARGV[3] .. h[2]
        if redis.call('GET', slot) == ARGV[1] then redis.call('DEL', slot) end
        return 1
        """;

    // KEYS: exceptions. ARGV: id, bytes, max. 1 = added, 0 = full.
    private const string AddExceptionScript = """
        if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<WeeklyAvailability?> GetScheduleAsync(string listingId, CancellationToken cancellationToken) =>
        (await GetSchedulesAsync([listingId], cancellationToken))[0];

    /// <summary>
    /// Up to this many listings, schedules and exceptions are read in one round trip; above it the
    /// schedules come first and exceptions are read only for listings that publish availability
    /// (Matching asks about up to 200 candidates at a time, most of which publish none).
    /// </summary>
    private const int OneRoundTripBelow = 8;

    public async Task<IReadOnlyList<WeeklyAvailability?>> GetSchedulesAsync(IReadOnlyList<string> listingIds, CancellationToken cancellationToken)
    {
        if (listingIds.Count == 0) return [];
        var together = listingIds.Count <= OneRoundTripBelow;
        var batch = Db.CreateBatch();
        var schedules = listingIds.Select(id => batch.HashGetAsync(ScheduleKey(id), "schedule")).ToArray();
        var exceptions = together ? listingIds.Select(id => (Task<HashEntry[]>?)batch.HashGetAllAsync(ExceptionsKey(id))).ToArray() : null;
        batch.Execute();
        var stored = await Task.WhenAll(schedules);
        if (exceptions is null)
        {
            var second = Db.CreateBatch();
            exceptions = stored.Select((data, i) => data.IsNull ? null : (Task<HashEntry[]>?)second.HashGetAllAsync(ExceptionsKey(listingIds[i]))).ToArray();
            second.Execute();
        }

        var result = new WeeklyAvailability?[listingIds.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i].IsNull) continue;
            var schedule = WeeklyAvailability.Parser.ParseFrom((byte[])stored[i]!);
            schedule.Exceptions.AddRange((await exceptions[i]!)
                .Select(e => AvailabilityException.Parser.ParseFrom((byte[])e.Value!))
                .OrderBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Start, StringComparer.Ordinal));
            result[i] = schedule;
        }
        return result;
    }

    public Task SaveScheduleAsync(WeeklyAvailability schedule, CancellationToken cancellationToken)
    {
        var stored = schedule.Clone();
        stored.Exceptions.Clear();
        return Db.HashSetAsync(ScheduleKey(schedule.ListingId), "schedule", stored.ToByteArray());
    }

    public async Task<bool> AddExceptionAsync(string listingId, AvailabilityException exception, int maxExceptions, CancellationToken cancellationToken) =>
        (long)await Db.ScriptEvaluateAsync(AddExceptionScript, [ExceptionsKey(listingId)],
            [exception.Id, exception.ToByteArray(), maxExceptions]) == 1;

    public Task<bool> RemoveExceptionAsync(string listingId, string exceptionId, CancellationToken cancellationToken) =>
        Db.HashDeleteAsync(ExceptionsKey(listingId), exceptionId);

    public async Task<IReadOnlyList<bool[]>> TakenAsync(
        IReadOnlyList<(string ListingId, IReadOnlyList<long> StartUnixSeconds)> requests, CancellationToken cancellationToken)
    {
        // One MGET per listing (its keys share a slot), all pipelined in one batch.
        var batch = Db.CreateBatch();
        var reads = requests
            .Select(r => r.StartUnixSeconds.Count == 0
                ? Task.FromResult(Array.Empty<RedisValue>())
                : batch.StringGetAsync(r.StartUnixSeconds.Select(s => SlotKey(r.ListingId, s)).ToArray()))
            .ToArray();
        batch.Execute();
        var result = new bool[requests.Count][];
        for (var i = 0; i < reads.Length; i++) result[i] = (await reads[i]).Select(v => !v.IsNull).ToArray();
        return result;
    }

    public async Task<bool> HoldAsync(string clientId, Hold hold, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var start = hold.Slot.StartTime.Seconds;
        var result = await Db.ScriptEvaluateAsync(HoldScript,
            [SlotKey(hold.Slot.ListingId, start), HoldKey(hold.HoldId)],
            [hold.HoldId, (long)ttl.TotalMilliseconds, clientId, start, hold.Slot.ToByteArray(),
             hold.ExpireTime.ToDateTimeOffset().ToUnixTimeMilliseconds()]);
        if ((long)result != 1) return false;
        // The client's index lives under the client's hash tag, so it cannot join the script; a hold
        // missing from it (a crash in between) still lapses by itself within the TTL.
        await Db.ScriptEvaluateAsync(IndexHoldScript, [ClientHoldsKey(clientId)], [hold.HoldId, (long)ttl.TotalMilliseconds]);
        return true;
    }

    public async Task<(Hold Hold, string ClientId)?> GetHoldAsync(string holdId, CancellationToken cancellationToken)
    {
        var fields = await Db.HashGetAsync(HoldKey(holdId), ["client", "slot", "expire"]);
        if (fields[0].IsNull || fields[1].IsNull) return null;
        var hold = new Hold
        {
            HoldId = holdId,
            Slot = Slot.Parser.ParseFrom((byte[])fields[1]!),
            ExpireTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds((long)fields[2])),
        };
        return (hold, fields[0].ToString());
    }

    /// <summary>The client value left on a booking whose client erased their data.</summary>
    public const string ErasedClient = "erased";

    public async Task<(int Bookings, int Holds)> ForgetClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var bookingIndex = ClientBookingsKey(clientId);
        var holdIndex = ClientHoldsKey(clientId);
        var bookingIds = Db.SetMembersAsync(bookingIndex);
        var holdIds = Db.SetMembersAsync(holdIndex);
        var batch = Db.CreateBatch();
        var bookingWrites = (await bookingIds).Select(id => batch.HashSetAsync(BookingKey(id.ToString()), "client", ErasedClient)).ToList();
        // An unconfirmed hold is erased outright (it is nothing but the client's claim) and its slot opens again.
        var holdErasures = (await holdIds).Select(id => batch.ScriptEvaluateAsync(EraseHoldScript,
            [HoldKey(id.ToString())], [id, clientId, SlotKeyPrefix(Listing(id.ToString()))])).ToList();
        var dropIndexes = batch.KeyDeleteAsync([bookingIndex, holdIndex]);
        batch.Execute();
        await Task.WhenAll(bookingWrites);
        var holdsErased = 0;
        foreach (var erasure in holdErasures) holdsErased += (int)(long)await erasure;
        await dropIndexes;
        return (bookingWrites.Count, holdsErased);
    }

    public async Task<IReadOnlyList<Booking>> ListClientBookingsAsync(string clientId, CancellationToken cancellationToken)
    {
        var ids = await Db.SetMembersAsync(ClientBookingsKey(clientId));
        var bookings = await ReadBookingsAsync(ids.Select(i => i.ToString()).ToArray());
        return bookings.OfType<Booking>().Where(b => b.ClientId == clientId)
            .OrderBy(b => b.Slot.StartTime.Seconds).ThenBy(b => b.BookingId, StringComparer.Ordinal).ToArray();
    }

    public async Task<IReadOnlyList<Hold>> ListClientHoldsAsync(string clientId, CancellationToken cancellationToken)
    {
        var ids = await Db.SetMembersAsync(ClientHoldsKey(clientId));
        var holds = await Task.WhenAll(ids.Select(id => GetHoldAsync(id.ToString(), cancellationToken)));
        return holds.Where(h => h is { } held && held.ClientId == clientId).Select(h => h!.Value.Hold)
            .OrderBy(h => h.Slot.StartTime.Seconds).ThenBy(h => h.HoldId, StringComparer.Ordinal).ToArray();
    }

    public async Task<ConfirmOutcome> ConfirmAsync(string holdId, string clientId, Booking booking, CancellationToken cancellationToken)
    {
        var listingId = booking.Slot.ListingId;
        var result = (long)await Db.ScriptEvaluateAsync(ConfirmScript,
            [HoldKey(holdId), SlotKey(listingId, booking.Slot.StartTime.Seconds), BookingKey(booking.BookingId), BookingsKey(listingId)],
            [holdId, clientId, booking.BookingId, booking.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds()]);
        if (result != 1) return result == -2 ? ConfirmOutcome.NotYourHold : ConfirmOutcome.HoldLapsed;
        // The client's indexes live under the client's hash tag, so they cannot join the script;
        // they are convenience indexes, and the booking itself is already durable.
        var batch = Db.CreateBatch();
        var indexed = batch.SetAddAsync(ClientBookingsKey(clientId), booking.BookingId);
        var unheld = batch.SetRemoveAsync(ClientHoldsKey(clientId), holdId);
        batch.Execute();
        await Task.WhenAll(indexed, unheld);
        return ConfirmOutcome.Confirmed;
    }

    public async Task<Booking?> GetBookingAsync(string bookingId, CancellationToken cancellationToken) =>
        (await ReadBookingsAsync([bookingId]))[0];

    public async Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken)
    {
        var listingId = Listing(bookingId);
        var result = await Db.ScriptEvaluateAsync(CancelScript,
            [BookingKey(bookingId), BookingsKey(listingId)],
            [bookingId, $"slot:{{{listingId}}}:"]);
        return (long)result == 1;
    }

    public async Task<IReadOnlyList<Booking>> ListBookingsAsync(string listingId, long fromUnixSeconds, long toUnixSeconds, CancellationToken cancellationToken)
    {
        var ids = await Db.SortedSetRangeByScoreAsync(BookingsKey(listingId), fromUnixSeconds, toUnixSeconds, Exclude.Stop);
        var bookings = await ReadBookingsAsync(ids.Select(i => i.ToString()).ToArray());
        return bookings.OfType<Booking>().ToArray();
    }

    private async Task<IReadOnlyList<Booking?>> ReadBookingsAsync(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return [];
        var batch = Db.CreateBatch();
        var reads = ids.Select(id => batch.HashGetAsync(BookingKey(id), ["client", "slot", "state", "created"])).ToArray();
        batch.Execute();
        var result = new Booking?[ids.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            var f = await reads[i];
            if (f[1].IsNull) continue;
            result[i] = new Booking
            {
                BookingId = ids[i],
                ClientId = f[0].ToString(),
                Slot = Slot.Parser.ParseFrom((byte[])f[1]!),
                State = f[2].ToString() == "confirmed" ? BookingState.Confirmed : BookingState.Cancelled,
                CreateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds((long)f[3])),
            };
        }
        return result;
    }
}

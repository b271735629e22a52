using System.Globalization;
using Google.Protobuf;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Storage;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Availability and bookings in Redis (Garnet or any Redis). Key layout; every key of one
/// listing's calendar carries the hash tag {listingId}, and hold/booking ids embed the listing id
/// (<see cref="AvailabilityIds"/>), so each Lua script touches keys of one cluster slot:
/// <code>
/// availability:{L}             hash    schedule = WeeklyAvailability protobuf (no exceptions);
///                                      version = count of changes to what the listing offers (hours,
///                                      exceptions, its zone or places), HINCRBY in the same step as each
///                                      change; absent = 0
/// availability-exceptions:{L}  hash    exception id -> AvailabilityException protobuf
/// slot:{L}:{startUnix}         string  the hold id (PX = hold TTL) or booking id (no TTL) taking the slot
/// calendar:{L}                 zset    score = start unix seconds, member = "{end unix s}:{expire unix ms}:{id}"
///                                      for every hold (expire = the hold's) and confirmed booking (expire 0);
///                                      a lapsed hold's member stays until a hold script passes over it
/// hold:{L}-{r}                 hash    client, start, end (unix s), slot = Slot protobuf, expire (unix ms),
///                                      version = the availability version the slot was offered under, buffer =
///                                      that version's buffer_minutes (absent in holds from before buffers were
///                                      kept: confirmed as an unknown version); PX = hold TTL
/// booking:{L}-{r}              hash    client, start, end, slot = Slot protobuf, state, created (unix ms)
///                                      (the slot's location_index of holds and bookings, like the hours',
///                                      follows its place when the listing's places change index: RemapLocationsAsync)
/// bookings:{L}                 zset    score = start unix seconds, member = confirmed booking id
/// cancelled:{L}                zset    score = start unix seconds, member = cancelled booking id (the owner's record)
/// availability:layout          string  "2" once every confirmed booking is in its listing's calendar, "3" once
///                                      every cancelled booking is in its listing's cancelled index too
/// client-bookings:{clientId}   set     booking ids of a client (an index, written after the booking)
/// client-holds:{clientId}      set     hold ids of a client (an index, written after the hold); PX = the longest
///                                      remaining hold TTL, so it lapses with the client's last hold
/// listing:{L}                  (read)  the listing (<see cref="RedisListingStore"/>); a confirm needs it to exist
/// erasure-owed:{clientId}      (read, cleared) Profiles' record that the client's bookings are owed an erasure
///                                      (<see cref="SharedKeys.BookingErasureOwed"/>); cleared here once erased
/// </code>
/// The slot key is the lock: SET NX PX in the hold script means two clients racing for a slot
/// get exactly one winner, and a hold lapses by itself when its TTL passes. One practitioner has one
/// calendar, so a slot is also refused while any live hold or booking overlaps it, or ends or starts
/// less than the practitioner's buffer_minutes away from it: sessions of different starts overlap
/// when the session length changed after a booking, when extra hours overlap the weekly hours, or when
/// windows at two locations overlap, and windows at two places (or a place and telehealth) can put
/// sessions back to back however their own slots are spaced. The same script checks the calendar, so
/// the check and the claim are one atomic step; the confirm script checks confirmed bookings again
/// with the buffer of the version it confirms under, which matters when the hours changed since the hold. Bookings made before the calendar
/// existed are added to it once, by <see cref="MigrateLayoutAsync"/>.
/// <para>
/// A slot is offered by the hours as they were read; the owner may change them between that read
/// and the hold, or between the hold and the confirm (close the day, shorten the sessions, move the
/// listing to another zone). So a hold names the availability version its slot was offered under,
/// and the hold and confirm scripts refuse when the version has moved since; the caller then checks
/// the slot against the hours as they are now. A closed day is written by a script that also checks
/// the calendar, so a booking confirmed in the same instant either stops the close or is refused.
/// </para>
/// </summary>
public sealed class RedisAvailabilityStore(IConnectionMultiplexer redis, TimeProvider? clock = null) : IAvailabilityStore
{
    /// <summary>The longest session a schedule may have: how far before a slot an overlapping one can start.</summary>
    private static readonly long MaxSessionSeconds = WeeklySchedule.MaxSessionMinutes * 60L;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static RedisKey ScheduleKey(string listingId) => $"availability:{{{listingId}}}";
    public static RedisKey ExceptionsKey(string listingId) => $"availability-exceptions:{{{listingId}}}";
    public static RedisKey SlotKey(string listingId, long startUnix) =>
        string.Create(CultureInfo.InvariantCulture, $"slot:{{{listingId}}}:{startUnix}"); // SlotKeyPrefix + the number, built as one string
    private static string SlotKeyPrefix(string listingId) => $"slot:{{{listingId}}}:";
    public static RedisKey BookingsKey(string listingId) => $"bookings:{{{listingId}}}";
    public static RedisKey CalendarKey(string listingId) => $"calendar:{{{listingId}}}";
    public static RedisKey CancelledKey(string listingId) => $"cancelled:{{{listingId}}}";
    public const string LayoutKey = "availability:layout";
    public static RedisKey ClientBookingsKey(string clientId) => $"client-bookings:{{{clientId}}}";
    public static RedisKey ClientHoldsKey(string clientId) => $"client-holds:{{{clientId}}}";

    private static RedisKey HoldKey(string holdId) => $"{HoldKeyPrefix(Listing(holdId))}{holdId[Listing(holdId).Length..]}";
    private static string HoldKeyPrefix(string listingId) => $"hold:{{{listingId}}}"; // the hold script builds hold keys from it
    private static RedisKey BookingKey(string bookingId) => $"booking:{{{Listing(bookingId)}}}{bookingId[Listing(bookingId).Length..]}";

    private static string Listing(string id) =>
        AvailabilityIds.TryListing(id, out var listing) ? listing : throw new ArgumentException("Not an availability id.", nameof(id));

    // KEYS: slot, hold, calendar, availability. ARGV: hold id, ttl ms, client, start, slot bytes, expire ms,
    // end, earliest start that can come too close (start - buffer - longest session), "hold:{L}", length
    // of L, the availability version the slot was offered under, the buffer in minutes under that
    // version, start - buffer, end + buffer (unix s).
    // Returns the id now taking the slot: this hold's when it is held, else the hold or booking in the
    // way (nil if it lapsed meanwhile), or VersionMoved when the listing's availability changed since it
    // was read. A calendar entry is in the way when it ends after start - buffer and starts before
    // end + buffer: it overlaps the slot or leaves less than the practitioner's buffer between them,
    // whichever window (place, telehealth, extra hours) either came from. A hold's entry counts only
    // while its hash lives (its PX is the hold's), and a lapsed one is dropped on the way.
    private const string HoldScript = """
        if (redis.call('HGET', KEYS[4], 'version') or '0') ~= ARGV[11] then return '!version' end
        if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return redis.call('GET', KEYS[1]) end
        local start, from = tonumber(ARGV[4]), tonumber(ARGV[13])
        for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], ARGV[8], '(' .. ARGV[14])) do
          local e, x, id = string.match(m, '^(%d+):(%d+):(.+)$')
          if e and tonumber(e) > from then
            if x == '0' or redis.call('EXISTS', ARGV[9] .. string.sub(id, tonumber(ARGV[10]) + 1)) == 1 then
              redis.call('DEL', KEYS[1])
              return id
            end
            redis.call('ZREM', KEYS[3], m)
          end
        end
        redis.call('ZADD', KEYS[3], start, ARGV[7] .. ':' .. ARGV[6] .. ':' .. ARGV[1])
        redis.call('HSET', KEYS[2], 'client', ARGV[3], 'start', ARGV[4], 'end', ARGV[7], 'slot', ARGV[5], 'expire', ARGV[6], 'version', ARGV[11], 'buffer', ARGV[12])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return ARGV[1]
        """;

    /// <summary>What the hold script answers when the availability version moved (never an id: ids have no '!').</summary>
    private const string VersionMoved = "!version";

    // KEYS: hold, slot, booking, bookings, calendar, availability, listing. ARGV: hold id, client,
    // booking id, created ms, the availability version the caller checked the slot under, then with the
    // buffer of that version: earliest start that can come too close (start - buffer - longest
    // session), start - buffer, end + buffer (unix s).
    // 1 = confirmed, -1 = hold lapsed (or slot no longer points at it), -2 = someone else's hold,
    // -3 = the availability version moved since, -4 = the listing is gone, -5 = a confirmed booking
    // overlaps the slot or is closer to it than the buffer (possible only when the hours changed after
    // the hold: a hold is refused when one is). Live holds do not stop a confirm: of two holds that the
    // changed hours put too close, the first confirmed wins.
    // The hold's calendar entry becomes the booking's (a hold from before the calendar has no end, and none).
    private const string ConfirmScript = """
        local h = redis.call('HMGET', KEYS[1], 'client', 'start', 'slot', 'end', 'expire')
        if not h[1] then return -1 end
        if h[1] ~= ARGV[2] then return -2 end
        if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
        if redis.call('EXISTS', KEYS[7]) == 0 then return -4 end
        if (redis.call('HGET', KEYS[6], 'version') or '0') ~= ARGV[5] then return -3 end
        local from = tonumber(ARGV[7])
        for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], ARGV[6], '(' .. ARGV[8])) do
          local e, x = string.match(m, '^(%d+):(%d+):')
          if x == '0' and tonumber(e) > from then return -5 end
        end
        redis.call('SET', KEYS[2], ARGV[3])
        if h[4] then
          redis.call('HSET', KEYS[3], 'client', h[1], 'start', h[2], 'end', h[4], 'slot', h[3], 'state', 'confirmed', 'created', ARGV[4])
          redis.call('ZREM', KEYS[5], h[4] .. ':' .. h[5] .. ':' .. ARGV[1])
          redis.call('ZADD', KEYS[5], h[2], h[4] .. ':0:' .. ARGV[3])
        else
          redis.call('HSET', KEYS[3], 'client', h[1], 'start', h[2], 'slot', h[3], 'state', 'confirmed', 'created', ARGV[4])
        end
        redis.call('ZADD', KEYS[4], h[2], ARGV[3])
        redis.call('DEL', KEYS[1])
        return 1
        """;

    // KEYS: booking, bookings, calendar, cancelled. ARGV: booking id, slot key prefix. 1 = cancelled, 0 = not confirmed.
    private const string CancelScript = """
        local h = redis.call('HMGET', KEYS[1], 'state', 'start', 'end')
        if h[1] ~= 'confirmed' then return 0 end
        redis.call('HSET', KEYS[1], 'state', 'cancelled')
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZADD', KEYS[4], h[2], ARGV[1])
        if h[3] then redis.call('ZREM', KEYS[3], h[3] .. ':0:' .. ARGV[1]) end
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

    // KEYS: hold, calendar. ARGV: hold id, client, slot key prefix. 1 = erased, 0 = lapsed, confirmed or not the client's.
    // The slot opens again only while it still points at this hold.
    private const string EraseHoldScript = """
        local h = redis.call('HMGET', KEYS[1], 'client', 'start', 'end', 'expire')
        if h[1] ~= ARGV[2] then return 0 end
        redis.call('DEL', KEYS[1])
        if h[3] then redis.call('ZREM', KEYS[2], h[3] .. ':' .. h[4] .. ':' .. ARGV[1]) end
        local slot = ARGV[3] .. h[2]
        if redis.call('GET', slot) == ARGV[1] then redis.call('DEL', slot) end
        return 1
        """;

    // KEYS: booking, calendar. ARGV: booking id, end. Puts a confirmed booking from before the calendar into it.
    private const string MigrateBookingScript = """
        local h = redis.call('HMGET', KEYS[1], 'state', 'start', 'end')
        if h[1] ~= 'confirmed' or h[3] then return 0 end
        redis.call('HSET', KEYS[1], 'end', ARGV[2])
        redis.call('ZADD', KEYS[2], h[2], ARGV[2] .. ':0:' .. ARGV[1])
        return 1
        """;

    // KEYS: exceptions, availability, calendar. ARGV: id, bytes, max, then for a closed day its
    // [from, to) in unix seconds and the earliest start that can overlap it (from - longest session),
    // or three empty strings, then the availability version the caller checked the exceptions at ('' for
    // none). {1} = added, {0} = full, {-1, booking ids...} = confirmed bookings overlap the closed day,
    // {-2} = the version moved. The checks and the write are one step, so a booking confirmed, or the
    // same exception added, meanwhile is seen.
    private const string AddExceptionScript = """
        if ARGV[7] ~= '' and (redis.call('HGET', KEYS[2], 'version') or '0') ~= ARGV[7] then return {-2} end
        if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return {0} end
        if ARGV[4] ~= '' then
          local from, booked = tonumber(ARGV[4]), {-1}
          for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], ARGV[6], '(' .. ARGV[5])) do
            local e, x, id = string.match(m, '^(%d+):(%d+):(.+)$')
            if x == '0' and tonumber(e) > from then booked[#booked + 1] = id end
          end
          if #booked > 1 then return booked end
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('HINCRBY', KEYS[2], 'version', 1)
        return {1}
        """;

    // KEYS: exceptions, availability. ARGV: id. 1 = removed, 0 = none with that id.
    private const string RemoveExceptionScript = """
        if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
        redis.call('HINCRBY', KEYS[2], 'version', 1)
        return 1
        """;

    // KEYS: availability. ARGV: schedule bytes, or '' to move the version only when there are hours.
    private const string SaveScheduleScript = """
        if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'schedule', ARGV[1])
        elseif redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        return redis.call('HINCRBY', KEYS[1], 'version', 1)
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
            if (!stored[i].IsNull) result[i] = Parse(stored[i], await exceptions[i]!);
        return result;
    }

    /// <summary>
    /// The version is read before the exceptions (one pipelined batch): an exception added after the
    /// version was read moves it, so a check against these exceptions at this version is never stale
    /// unnoticed. Exceptions are read whether or not there are weekly hours: they may be added first.
    /// </summary>
    public async Task<(WeeklyAvailability? Schedule, IReadOnlyList<AvailabilityException> Exceptions, long Version)> GetVersionedScheduleAsync(
        string listingId, CancellationToken cancellationToken)
    {
        var batch = Db.CreateBatch();
        var fields = batch.HashGetAsync(ScheduleKey(listingId), ["schedule", "version"]);
        var stored = batch.HashGetAllAsync(ExceptionsKey(listingId));
        batch.Execute();
        var f = await fields;
        var exceptions = ParseExceptions(await stored);
        // The schedule gets copies, so changing one (a caller blanking notes) leaves the other alone.
        return (f[0].IsNull ? null : Parse(f[0], exceptions.Select(e => e.Clone())), exceptions, f[1].IsNull ? 0 : (long)f[1]);
    }

    private static WeeklyAvailability Parse(RedisValue stored, HashEntry[] exceptions) => Parse(stored, ParseExceptions(exceptions));

    private static WeeklyAvailability Parse(RedisValue stored, IEnumerable<AvailabilityException> exceptions)
    {
        var schedule = WeeklyAvailability.Parser.ParseFrom((byte[])stored!);
        schedule.Exceptions.AddRange(exceptions);
        return schedule;
    }

    private static AvailabilityException[] ParseExceptions(HashEntry[] exceptions) => exceptions
        .Select(e => AvailabilityException.Parser.ParseFrom((byte[])e.Value!))
        .OrderBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Start, StringComparer.Ordinal)
        .ToArray();

    public Task SaveScheduleAsync(WeeklyAvailability schedule, CancellationToken cancellationToken)
    {
        var stored = schedule.Clone();
        stored.Exceptions.Clear();
        return Db.ScriptEvaluateAsync(SaveScheduleScript, [ScheduleKey(schedule.ListingId)], [stored.ToByteArray()]);
    }

    public Task MoveVersionAsync(string listingId, CancellationToken cancellationToken) =>
        Db.ScriptEvaluateAsync(SaveScheduleScript, [ScheduleKey(listingId)], [""]);

    public async Task<AddExceptionOutcome> AddExceptionAsync(
        string listingId, AvailabilityException exception, int maxExceptions, (long From, long To)? closes, long? version, CancellationToken cancellationToken)
    {
        RedisValue[] closing = closes is var (from, to) ? [from, to, from - MaxSessionSeconds] : ["", "", ""];
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(AddExceptionScript,
            [ExceptionsKey(listingId), ScheduleKey(listingId), CalendarKey(listingId)],
            [exception.Id, exception.ToByteArray(), maxExceptions, .. closing, version is { } v ? v : RedisValue.EmptyString]))!;
        return (long)result[0] switch
        {
            1 => new AddExceptionOutcome(true, []),
            0 => new AddExceptionOutcome(false, []),
            -2 => new AddExceptionOutcome(false, [], VersionMoved: true),
            _ => new AddExceptionOutcome(false, result.Skip(1).Select(r => r.ToString()).ToArray()),
        };
    }

    public async Task<bool> RemoveExceptionAsync(string listingId, string exceptionId, CancellationToken cancellationToken) =>
        (long)await Db.ScriptEvaluateAsync(RemoveExceptionScript, [ExceptionsKey(listingId), ScheduleKey(listingId)], [exceptionId]) == 1;

    public async Task<IReadOnlyList<bool[]>> TakenAsync(
        IReadOnlyList<(string ListingId, IReadOnlyList<(long Start, long End)> Slots)> requests, CancellationToken cancellationToken)
    {
        // One range of each listing's calendar (every entry that can overlap the slots asked about),
        // all pipelined in one batch.
        var batch = Db.CreateBatch();
        var reads = requests
            .Select(r => r.Slots.Count == 0
                ? Task.FromResult(Array.Empty<SortedSetEntry>())
                : batch.SortedSetRangeByScoreWithScoresAsync(CalendarKey(r.ListingId),
                    r.Slots.Min(s => s.Start) - MaxSessionSeconds, r.Slots.Max(s => s.End), Exclude.Stop))
            .ToArray();
        batch.Execute();
        var nowMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var result = new bool[requests.Count][];
        for (var i = 0; i < reads.Length; i++)
        {
            var busy = Busy(await reads[i], nowMs);
            var slots = requests[i].Slots;
            var taken = result[i] = new bool[slots.Count];
            for (var k = 0; k < slots.Count; k++)
                foreach (var (start, end) in busy)
                    if (start < slots[k].End && end > slots[k].Start) { taken[k] = true; break; }
        }
        return result;
    }

    /// <summary>
    /// The spans of the calendar entries that still hold their time: bookings, and holds whose expiry
    /// is after <paramref name="nowMs"/> (this machine's clock; the hold script asks the store itself).
    /// </summary>
    private static List<(long Start, long End)> Busy(SortedSetEntry[] entries, long nowMs)
    {
        var busy = new List<(long, long)>(entries.Length);
        foreach (var entry in entries)
        {
            var member = entry.Element.ToString().AsSpan();
            var first = member.IndexOf(':');
            var second = first < 0 ? -1 : member[(first + 1)..].IndexOf(':');
            if (second < 0
                || !long.TryParse(member[..first], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                || !long.TryParse(member.Slice(first + 1, second), NumberStyles.None, CultureInfo.InvariantCulture, out var expireMs))
                continue;
            if (expireMs == 0 || expireMs > nowMs) busy.Add(((long)entry.Score, end));
        }
        return busy;
    }

    public async Task<HoldOutcome> HoldAsync(string clientId, Hold hold, TimeSpan ttl, long version, int bufferMinutes, CancellationToken cancellationToken)
    {
        var (listing, start, end) = (hold.Slot.ListingId, hold.Slot.StartTime.Seconds, hold.Slot.EndTime.Seconds);
        var buffer = bufferMinutes * 60L;
        var takenBy = (string?)await Db.ScriptEvaluateAsync(HoldScript,
            [SlotKey(listing, start), HoldKey(hold.HoldId), CalendarKey(listing), ScheduleKey(listing)],
            [hold.HoldId, (long)ttl.TotalMilliseconds, clientId, start, hold.Slot.ToByteArray(),
             hold.ExpireTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), end,
             start - buffer - MaxSessionSeconds, HoldKeyPrefix(listing), listing.Length, version,
             bufferMinutes, start - buffer, end + buffer]);
        if (takenBy == VersionMoved) return new HoldOutcome(false, null, VersionMoved: true);
        if (takenBy != hold.HoldId) return new HoldOutcome(false, takenBy);
        // The client's index lives under the client's hash tag, so it cannot join the script; a hold
        // missing from it (a crash in between) still lapses by itself within the TTL.
        await Db.ScriptEvaluateAsync(IndexHoldScript, [ClientHoldsKey(clientId)], [hold.HoldId, (long)ttl.TotalMilliseconds]);
        return new HoldOutcome(true, hold.HoldId);
    }

    public async Task<HeldSlot?> GetHoldAsync(string holdId, CancellationToken cancellationToken)
    {
        var fields = await Db.HashGetAsync(HoldKey(holdId), ["client", "slot", "expire", "version", "buffer"]);
        if (fields[0].IsNull || fields[1].IsNull) return null;
        var hold = new Hold
        {
            HoldId = holdId,
            Slot = Slot.Parser.ParseFrom((byte[])fields[1]!),
            ExpireTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds((long)fields[2])),
        };
        // A hold from before versions (or buffers) were kept has none, and is checked against the hours as they are.
        return fields[3].IsNull || fields[4].IsNull
            ? new HeldSlot(hold, fields[0].ToString(), -1, 0)
            : new HeldSlot(hold, fields[0].ToString(), (long)fields[3], (int)fields[4]);
    }

    public async Task<bool> ReleaseHoldAsync(string holdId, string clientId, CancellationToken cancellationToken)
    {
        var listingId = Listing(holdId);
        var released = (long)await Db.ScriptEvaluateAsync(EraseHoldScript,
            [HoldKey(holdId), CalendarKey(listingId)], [holdId, clientId, SlotKeyPrefix(listingId)]) == 1;
        if (released) await Db.SetRemoveAsync(ClientHoldsKey(clientId), holdId);
        return released;
    }

    /// <summary>The client value left on a booking whose client erased their data (<see cref="BookingParties.Erased"/>).</summary>
    public const string ErasedClient = BookingParties.Erased;

    // KEYS: erasure-owed. ARGV: the deleted profile id it named before the erasure. Clears only that
    // debt, as Profiles does: one a later last-profile delete wrote meanwhile stays owed.
    private const string ClearOwedErasureScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 1
        """;

    public async Task<bool> FinishOwedErasureAsync(string clientId, CancellationToken cancellationToken)
    {
        var debt = SharedKeys.BookingErasureOwed(clientId);
        var deletedProfile = await Db.StringGetAsync(debt);
        if (deletedProfile.IsNull) return false;
        await ForgetClientAsync(clientId, cancellationToken);
        await Db.ScriptEvaluateAsync(ClearOwedErasureScript, [debt], [deletedProfile]);
        return true;
    }

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
            [HoldKey(id.ToString()), CalendarKey(Listing(id.ToString()))], [id, clientId, SlotKeyPrefix(Listing(id.ToString()))])).ToList();
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

    public async Task<(IReadOnlyList<string> Holds, IReadOnlyList<string> Bookings)> ClientIdsAsync(string clientId, CancellationToken cancellationToken)
    {
        var batch = Db.CreateBatch();
        var holds = batch.SetMembersAsync(ClientHoldsKey(clientId));
        var bookings = batch.SetMembersAsync(ClientBookingsKey(clientId));
        batch.Execute();
        return ((await holds).Select(h => h.ToString()).ToArray(), (await bookings).Select(b => b.ToString()).ToArray());
    }

    public async Task<IReadOnlyList<Hold>> ListClientHoldsAsync(string clientId, CancellationToken cancellationToken)
    {
        var ids = await Db.SetMembersAsync(ClientHoldsKey(clientId));
        var holds = await Task.WhenAll(ids.Select(id => GetHoldAsync(id.ToString(), cancellationToken)));
        return holds.Where(h => h is { } held && held.ClientId == clientId).Select(h => h!.Value.Hold)
            .OrderBy(h => h.Slot.StartTime.Seconds).ThenBy(h => h.HoldId, StringComparer.Ordinal).ToArray();
    }

    public async Task<ConfirmOutcome> ConfirmAsync(string holdId, string clientId, Booking booking, long version, int bufferMinutes, CancellationToken cancellationToken)
    {
        var listingId = booking.Slot.ListingId;
        var (start, end, buffer) = (booking.Slot.StartTime.Seconds, booking.Slot.EndTime.Seconds, bufferMinutes * 60L);
        var result = (long)await Db.ScriptEvaluateAsync(ConfirmScript,
            [HoldKey(holdId), SlotKey(listingId, start), BookingKey(booking.BookingId), BookingsKey(listingId),
             CalendarKey(listingId), ScheduleKey(listingId), RedisListingStore.ListingKey(listingId)],
            [holdId, clientId, booking.BookingId, booking.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), version,
             start - buffer - MaxSessionSeconds, start - buffer, end + buffer]);
        if (result != 1)
            return result switch
            {
                -2 => ConfirmOutcome.NotYourHold,
                -3 => ConfirmOutcome.VersionMoved,
                -4 => ConfirmOutcome.ListingGone,
                -5 => ConfirmOutcome.TooClose,
                _ => ConfirmOutcome.HoldLapsed,
            };
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
            [BookingKey(bookingId), BookingsKey(listingId), CalendarKey(listingId), CancelledKey(listingId)],
            [bookingId, SlotKeyPrefix(listingId)]);
        return (long)result == 1;
    }

    /// <summary>The layout this code writes (<see cref="LayoutKey"/>).</summary>
    private const int CurrentLayout = 3;

    /// <summary>
    /// Brings a store written by an older Directory to <see cref="CurrentLayout"/>, once per store
    /// (<see cref="LayoutKey"/>): every confirmed booking made before listings had a calendar goes into
    /// its listing's calendar, so it keeps protecting its time from overlapping holds (layout 2); every
    /// booking cancelled before cancellations were indexed goes into its listing's cancelled index, so
    /// the owner still sees it (layout 3). Idempotent. Returns how many bookings it added.
    /// </summary>
    public async Task<int> MigrateLayoutAsync(CancellationToken cancellationToken)
    {
        var layout = (int?)await Db.StringGetAsync(LayoutKey) ?? 1;
        if (layout >= CurrentLayout) return 0;
        var added = 0;
        if (layout < 2) added += await AddBookingsToCalendarsAsync(cancellationToken);
        if (layout < 3) added += await IndexCancelledBookingsAsync(cancellationToken);
        await Db.StringSetAsync(LayoutKey, CurrentLayout);
        return added;
    }

    private async IAsyncEnumerable<RedisKey> KeysAsync(string pattern, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            await foreach (var key in server.KeysAsync(Db.Database, pattern, pageSize: 1000).WithCancellation(ct))
                yield return key;
    }

    private async Task<int> AddBookingsToCalendarsAsync(CancellationToken ct)
    {
        var added = 0;
        await foreach (var key in KeysAsync("bookings:{*", ct))
        {
            var listingId = key.ToString()["bookings:{".Length..^1];
            var ids = await Db.SortedSetRangeByRankAsync(key);
            var bookings = await ReadBookingsAsync(ids.Select(i => i.ToString()).ToArray());
            var batch = Db.CreateBatch();
            var writes = bookings.OfType<Booking>()
                .Select(b => batch.ScriptEvaluateAsync(MigrateBookingScript,
                    [BookingKey(b.BookingId), CalendarKey(listingId)], [b.BookingId, b.Slot.EndTime.Seconds]))
                .ToArray();
            batch.Execute();
            foreach (var write in writes) added += (int)(long)await write;
        }
        return added;
    }

    private async Task<int> IndexCancelledBookingsAsync(CancellationToken ct)
    {
        var added = 0;
        await foreach (var chunk in KeysAsync("booking:{*", ct).Chunk(500).WithCancellation(ct))
        {
            var batch = Db.CreateBatch();
            var reads = chunk.Select(key => batch.HashGetAsync(key, ["state", "start"])).ToArray();
            batch.Execute();
            var writes = new List<Task<bool>>();
            var indexing = Db.CreateBatch();
            for (var i = 0; i < chunk.Length; i++)
            {
                var f = await reads[i];
                if (f[0] != "cancelled" || f[1].IsNull) continue;
                // booking:{L}-{r} is the key of booking id L-{r} (BookingKey).
                var key = chunk[i].ToString();
                var close = key.IndexOf('}', StringComparison.Ordinal);
                var listingId = key["booking:{".Length..close];
                writes.Add(indexing.SortedSetAddAsync(CancelledKey(listingId), listingId + key[(close + 1)..], (long)f[1]));
            }
            indexing.Execute();
            foreach (var write in writes) if (await write) added++;
        }
        return added;
    }

    /// <summary>Bookings of a listing starting in [from, to), confirmed ones and, when asked, cancelled ones, in time order.</summary>
    public async Task<IReadOnlyList<Booking>> ListBookingsAsync(
        string listingId, long fromUnixSeconds, long toUnixSeconds, bool includeCancelled, CancellationToken cancellationToken)
    {
        var confirmed = Db.SortedSetRangeByScoreWithScoresAsync(BookingsKey(listingId), fromUnixSeconds, toUnixSeconds, Exclude.Stop);
        var cancelled = includeCancelled
            ? Db.SortedSetRangeByScoreWithScoresAsync(CancelledKey(listingId), fromUnixSeconds, toUnixSeconds, Exclude.Stop)
            : Task.FromResult(Array.Empty<SortedSetEntry>());
        var ids = (await confirmed).Concat(await cancelled)
            .OrderBy(e => e.Score).ThenBy(e => e.Element.ToString(), StringComparer.Ordinal)
            .Select(e => e.Element.ToString()).ToArray();
        return (await ReadBookingsAsync(ids)).OfType<Booking>().ToArray();
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

    // KEYS: schedule, exceptions, calendar, cancelled, then the booking and hold keys to move. ARGV: the
    // "schedule" field as read ("" when none), the field to write ("" to leave it), the number of
    // exceptions to move E, the number of calendar members as read C, the size of the cancelled index as
    // read, then per exception to move: id, bytes as read, bytes to write; then the C calendar members;
    // then per booking or hold key: its slot as read, the slot to write.
    // 1 = written (and the version moved, when there are hours); 2 = nothing there to move, as read (nothing
    // written); 0 = the hours, one of those exceptions,
    // bookings or holds, or the set of holds and bookings changed since it was read (nothing written).
    // The calendar and cancelled index are compared whole (same size, every member read still there), so
    // a hold taken, a booking confirmed or cancelled meanwhile makes the caller read again.
    private const string RemapLocationsScript = """
        if (redis.call('HGET', KEYS[1], 'schedule') or '') ~= ARGV[1] then return 0 end
        local e, c = tonumber(ARGV[3]), tonumber(ARGV[4])
        local first = 6
        for i = first, first + 3 * e - 1, 3 do
          if redis.call('HGET', KEYS[2], ARGV[i]) ~= ARGV[i + 1] then return 0 end
        end
        if redis.call('ZCARD', KEYS[3]) ~= c or redis.call('ZCARD', KEYS[4]) ~= tonumber(ARGV[5]) then return 0 end
        local members = first + 3 * e
        for i = members, members + c - 1 do
          if not redis.call('ZSCORE', KEYS[3], ARGV[i]) then return 0 end
        end
        local slots = members + c
        for k = 5, #KEYS do
          if redis.call('HGET', KEYS[k], 'slot') ~= ARGV[slots + (k - 5) * 2] then return 0 end
        end
        if ARGV[2] == '' and e == 0 and #KEYS == 4 then return 2 end
        if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'schedule', ARGV[2]) end
        for i = first, first + 3 * e - 1, 3 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 2]) end
        for k = 5, #KEYS do redis.call('HSET', KEYS[k], 'slot', ARGV[slots + (k - 5) * 2 + 1]) end
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HINCRBY', KEYS[1], 'version', 1) end
        return 1
        """;

    /// <summary>How many times a remap reads the hours again after a concurrent change before it gives up.</summary>
    private const int RemapAttempts = 8;

    /// <summary>
    /// Optimistic: the hours, the holds and the bookings (confirmed, past and future, and cancelled) are
    /// read and rewritten here, then a script writes them only if the "schedule" field, every exception
    /// and every hold or booking it rewrites still hold the bytes that were read, and the listing's
    /// calendar and cancelled index still have the members that were read (a compare-and-set, all in
    /// one cluster slot), else reads again. So a SetWeeklyAvailability, AddException, RemoveException,
    /// HoldSlot, ConfirmBooking or CancelBooking landing in between is never overwritten or undone, and
    /// is itself remapped on the next read. Only the "schedule" field and the slot of holds and bookings
    /// are written, and the version moved, as by every change to the hours. Exceptions the script does
    /// not name (one added meanwhile) are not touched.
    /// </summary>
    public async Task<bool> RemapLocationsAsync(string listingId, IReadOnlyDictionary<int, int> map, CancellationToken cancellationToken)
    {
        if (map.Count == 0) return false;
        for (var attempt = 0; attempt < RemapAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Db.CreateBatch();
            var scheduleRead = batch.HashGetAsync(ScheduleKey(listingId), "schedule");
            var exceptionsRead = batch.HashGetAllAsync(ExceptionsKey(listingId));
            var calendarRead = batch.SortedSetRangeByRankAsync(CalendarKey(listingId));
            var cancelledRead = batch.SortedSetRangeByRankAsync(CancelledKey(listingId));
            batch.Execute();
            var (stored, exceptions, calendar, cancelled) = (await scheduleRead, await exceptionsRead, await calendarRead, await cancelledRead);
            var args = new List<RedisValue> { stored.IsNull ? RedisValue.EmptyString : stored, RedisValue.EmptyString, 0, calendar.Length, cancelled.Length };
            if (!stored.IsNull)
            {
                var schedule = WeeklyAvailability.Parser.ParseFrom((byte[])stored!);
                var moved = false;
                foreach (var window in schedule.Windows)
                    if (map.TryGetValue(window.LocationIndex, out var to)) (window.LocationIndex, moved) = (to, true);
                if (moved) args[1] = schedule.ToByteArray();
            }
            var exceptionsMoved = 0;
            foreach (var entry in exceptions)
            {
                var exception = AvailabilityException.Parser.ParseFrom((byte[])entry.Value!);
                // A closed day names no place (its index is stored as 0 and never read).
                if (exception.Kind != ExceptionKind.ExtraHours || !map.TryGetValue(exception.LocationIndex, out var to)) continue;
                exception.LocationIndex = to;
                args.AddRange([entry.Name, entry.Value, exception.ToByteArray()]);
                exceptionsMoved++;
            }
            args[2] = exceptionsMoved;
            args.AddRange(calendar);
            var (keys, slots) = await SlotsToRemapAsync(listingId, calendar, cancelled, map);
            args.AddRange(slots);
            // With holds or bookings about, "nothing to move" is checked by the script too: a hold read as
            // lapsed may have been confirmed meanwhile, and its booking is then in the calendar to move.
            if (args[1].IsNullOrEmpty && exceptionsMoved == 0 && keys.Count == 0 && calendar.Length == 0) return false;
            RedisKey[] allKeys = [ScheduleKey(listingId), ExceptionsKey(listingId), CalendarKey(listingId), CancelledKey(listingId), .. keys];
            var result = (long)await Db.ScriptEvaluateAsync(RemapLocationsScript, allKeys, [.. args]);
            if (result != 0) return result == 1;
        }
        // Callers see a timeout as the store being busy (UNAVAILABLE, retry), which this is.
        throw new TimeoutException($"The hours of listing {listingId} kept changing while their locations were remapped.");
    }

    /// <summary>
    /// The keys of the holds and bookings (members of the calendar, "{end}:{expire}:{id}" with expire 0
    /// for a booking, and cancelled bookings) whose slot is at a place in <paramref name="map"/>, each with
    /// its slot as read and as it is to be written. A lapsed hold (its hash gone) is left out.
    /// </summary>
    private async Task<(List<RedisKey> Keys, List<RedisValue> Slots)> SlotsToRemapAsync(
        string listingId, RedisValue[] calendar, RedisValue[] cancelled, IReadOnlyDictionary<int, int> map)
    {
        var owners = new List<RedisKey>(calendar.Length + cancelled.Length);
        foreach (var member in calendar)
        {
            var parts = member.ToString().Split(':', 3);
            if (parts.Length != 3 || !AvailabilityIds.TryListing(parts[2], out var of) || of != listingId) continue;
            owners.Add(parts[1] == "0" ? BookingKey(parts[2]) : HoldKey(parts[2]));
        }
        owners.AddRange(cancelled.Select(id => BookingKey(id.ToString())));
        var batch = Db.CreateBatch();
        var reads = owners.Select(key => batch.HashGetAsync(key, "slot")).ToArray();
        batch.Execute();
        var (keys, slots) = (new List<RedisKey>(), new List<RedisValue>());
        for (var i = 0; i < reads.Length; i++)
        {
            var bytes = await reads[i];
            if (bytes.IsNull) continue;
            var slot = Slot.Parser.ParseFrom((byte[])bytes!);
            if (!map.TryGetValue(slot.LocationIndex, out var to)) continue;
            slot.LocationIndex = to;
            keys.Add(owners[i]);
            slots.AddRange([bytes, slot.ToByteArray()]);
        }
        return (keys, slots);
    }
}

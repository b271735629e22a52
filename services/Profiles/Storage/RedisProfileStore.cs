using Google.Protobuf;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Storage;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace HealingNetwork.Profiles.Storage;

/// <summary>
/// Profiles in Redis, the whole protobuf encrypted with Data Protection (the story and every
/// other personal field are never stored in plaintext). Key layout:
/// <code>
/// profile:{id}            hash   data = protected Profile protobuf, version = n, owner = owner id
///                                (Matching reads version and owner to serve cached answers; see SharedKeys)
/// owner-profiles:{owner}  set    profile ids of an owner (list, export, erase); the store drops the key
///                                with its last member, so erasing the last profile leaves nothing of the owner
/// match-cache:{id}        hash   Matching's cached results for the profile (erased with it; see SharedKeys)
/// erasure-owed:{owner}    string id of the owner's last profile, deleted while the erasure of the owner's
///                                bookings (kept by Directory) has not yet succeeded; gone once it has.
///                                While it exists no profile of the owner is created (CreateScript), and
///                                Directory finishes the erasure itself before the owner's next hold or
///                                confirm (see SharedKeys.BookingErasureOwed)
/// </code>
/// Writes are Lua scripts that compare the version, so concurrent updates never lose one.
/// </summary>
public sealed class RedisProfileStore(IConnectionMultiplexer redis, IDataProtectionProvider protection) : IProfileStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("HealingNetwork.Profiles.v1");

    public static RedisKey ProfileKey(string id) => SharedKeys.Profile(id);
    public static RedisKey OwnerKey(string owner) => $"owner-profiles:{{{owner}}}";

    // KEYS: profile, owner set. ARGV: expected version (0 = must not exist), data, new version, owner, id.
    // 'version' and 'owner' are SharedKeys.ProfileVersionField and ProfileOwnerField: Matching reads them.
    private const string WriteScript = """
        local current = redis.call('HGET', KEYS[1], 'version')
        if ARGV[1] == '0' then
          if current then return 0 end
        elseif current ~= ARGV[1] then
          return 0
        end
        redis.call('HSET', KEYS[1], 'data', ARGV[2], 'version', ARGV[3], 'owner', ARGV[4])
        redis.call('SADD', KEYS[2], ARGV[5])
        return 1
        """;

    // KEYS: profile, owner set, erasure-owed. ARGV: data, version, owner, id. Returns 1 created,
    // 0 id taken, -1 erasure owed. The debt is checked in the script that writes, so a delete of the
    // owner's last profile either runs before (its debt is seen) or after (the new profile remains, so
    // that delete owes nothing).
    private const string CreateScript = """
        if redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', ARGV[2], 'owner', ARGV[3])
        redis.call('SADD', KEYS[2], ARGV[4])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<ProfileCreation> CreateAsync(Profile profile, CancellationToken cancellationToken)
    {
        var data = _protector.Protect(profile.ToByteArray());
        var result = (long)await Db.ScriptEvaluateAsync(CreateScript,
            [ProfileKey(profile.Id), OwnerKey(profile.OwnerId), ErasureOwedKey(profile.OwnerId)],
            [data, profile.Version, profile.OwnerId, profile.Id]);
        return result switch
        {
            1 => ProfileCreation.Created,
            0 => ProfileCreation.IdTaken,
            _ => ProfileCreation.ErasureOwed,
        };
    }

    public Task<bool> ReplaceAsync(Profile profile, long expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(profile, expectedVersion);

    private async Task<bool> WriteAsync(Profile profile, long expectedVersion)
    {
        var data = _protector.Protect(profile.ToByteArray());
        var result = await Db.ScriptEvaluateAsync(WriteScript,
            [ProfileKey(profile.Id), OwnerKey(profile.OwnerId)],
            [expectedVersion, data, profile.Version, profile.OwnerId, profile.Id]);
        return (long)result == 1;
    }

    public async Task<Profile?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var data = await Db.HashGetAsync(ProfileKey(id), "data");
        return data.IsNull ? null : Profile.Parser.ParseFrom(_protector.Unprotect((byte[])data!));
    }

    public static RedisKey ErasureOwedKey(string owner) => SharedKeys.BookingErasureOwed(owner);

    // KEYS: profile, match cache, owner set, erasure-owed. ARGV: id.
    // One script, so of two deletes racing for an owner's last two profiles exactly one sees the set
    // empty afterwards, and the debt of erasing the bookings is written in the same step as the delete:
    // no interleaving and no crash can lose it.
    private const string EraseScript = """
        if redis.call('DEL', KEYS[1]) == 0 then return -1 end
        redis.call('DEL', KEYS[2])
        redis.call('SREM', KEYS[3], ARGV[1])
        local remaining = redis.call('SCARD', KEYS[3])
        if remaining == 0 then redis.call('SET', KEYS[4], ARGV[1]) end
        return remaining
        """;

    public async Task<ProfileErasure> EraseAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        var remaining = (long)await Db.ScriptEvaluateAsync(EraseScript,
            [ProfileKey(id), SharedKeys.MatchCache(id), OwnerKey(ownerId), ErasureOwedKey(ownerId)], [id]);
        return remaining switch
        {
            < 0 => ProfileErasure.NotFound,
            0 => ProfileErasure.LastOfOwner,
            _ => ProfileErasure.OthersRemain,
        };
    }

    public async Task<bool> IsBookingErasureOwedAsync(string ownerId, string profileId, CancellationToken cancellationToken) =>
        await Db.StringGetAsync(ErasureOwedKey(ownerId)) == profileId;

    public async Task<string?> OwedBookingErasureAsync(string ownerId, CancellationToken cancellationToken) =>
        await Db.StringGetAsync(ErasureOwedKey(ownerId)) is { IsNull: false } id ? id.ToString() : null;

    // KEYS: erasure-owed. ARGV: profile id. A script rather than WATCH/MULTI or DELEX: Garnet runs scripts,
    // and it clears only the debt this delete wrote, not one a later last-profile delete wrote meanwhile.
    private const string ClearDebtScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 1
        """;

    public async Task BookingErasureDoneAsync(string ownerId, string profileId, CancellationToken cancellationToken) =>
        await Db.ScriptEvaluateAsync(ClearDebtScript, [ErasureOwedKey(ownerId)], [profileId]);

    /// <summary>
    /// Two round trips whatever the page size: the owner's ids, then the page's profiles in one
    /// pipelined batch. Not one Lua script: with commit wait Garnet waits for its log after every call
    /// in a script but plain GET/SET, which would make each HGET of the page cost a log wait. The index
    /// is a set, so its ids are sorted here (an owner has a handful of profiles, not thousands).
    /// </summary>
    public async Task<OwnedProfilesPage> ListOwnedAsync(string ownerId, string? afterId, int pageSize, CancellationToken cancellationToken)
    {
        var ids = (await Db.SetMembersAsync(OwnerKey(ownerId)))
            .Select(m => m.ToString())
            .Where(id => afterId is null || string.CompareOrdinal(id, afterId) < 0)
            .OrderDescending(StringComparer.Ordinal)
            .ToArray();
        var pageIds = ids.Take(pageSize).ToArray();
        var batch = Db.CreateBatch();
        var reads = pageIds.Select(id => batch.HashGetAsync(ProfileKey(id), "data")).ToArray();
        batch.Execute();
        // A profile erased between the two reads is simply not on the page; its id still moves the cursor.
        var profiles = (await Task.WhenAll(reads))
            .Where(data => !data.IsNull)
            .Select(data => Profile.Parser.ParseFrom(_protector.Unprotect((byte[])data!)))
            .Where(profile => profile.OwnerId == ownerId)
            .ToList();
        return new OwnedProfilesPage(profiles, ids.Length > pageSize ? pageIds[^1] : null);
    }
}

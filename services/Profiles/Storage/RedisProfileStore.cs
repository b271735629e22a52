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
/// owner-profiles:{owner}  set    profile ids of an owner (export, erase); the store drops the key
///                                with its last member, so erasing the last profile leaves nothing of the owner
/// match-cache:{id}        hash   Matching's cached results for the profile (erased with it; see SharedKeys)
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

    private IDatabase Db => redis.GetDatabase();

    public Task<bool> CreateAsync(Profile profile, CancellationToken cancellationToken) => WriteAsync(profile, 0);

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

    public async Task<bool> EraseAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        var tx = Db.CreateTransaction();
        var deleted = tx.KeyDeleteAsync(ProfileKey(id));
        _ = tx.KeyDeleteAsync(SharedKeys.MatchCache(id));
        _ = tx.SetRemoveAsync(OwnerKey(ownerId), id);
        await tx.ExecuteAsync();
        return await deleted;
    }

    public async Task<IReadOnlyList<string>> IdsOfOwnerAsync(string ownerId, CancellationToken cancellationToken) =>
        (await Db.SetMembersAsync(OwnerKey(ownerId))).Select(m => m.ToString()).Order(StringComparer.Ordinal).ToArray();
}

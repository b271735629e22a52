using StackExchange.Redis;

namespace HealingNetwork.ServiceDefaults.Storage;

/// <summary>
/// Store keys that one service writes and another must erase: Matching caches results per
/// profile; Profiles erases them when the person deletes their profile.
/// </summary>
public static class SharedKeys
{
    /// <summary>hash of cached match results of a profile, field = "{kind}:{profile version}:{directory seq}:{request hash}".</summary>
    public static RedisKey MatchCache(string profileId) => $"match-cache:{{{profileId}}}";

    /// <summary>The directory sequence (bumped by every listing write); Matching's cache generation.</summary>
    public static readonly RedisKey DirectorySequence = "directory:seq";
}

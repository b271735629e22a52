using StackExchange.Redis;

namespace HealingNetwork.ServiceDefaults.Storage;

/// <summary>
/// Store keys that one service writes and another reads or erases: Matching caches results per
/// profile and Profiles erases them when the person deletes their profile; Matching reads a
/// profile's version and owner (never its data) to serve a cached answer without a call to Profiles,
/// and the Directory's two generations (listings, availability) to know the answer is still current.
/// </summary>
public static class SharedKeys
{
    /// <summary>hash of cached match results of a profile, field = "answer-lz4-v2:{request hash}" (layout in Matching's MatchCache).</summary>
    public static RedisKey MatchCache(string profileId) => $"match-cache:{{{profileId}}}";

    /// <summary>
    /// hash of a profile, written by Profiles only: data = the protected profile, version = its version,
    /// owner = its owner's subject. Matching reads <see cref="ProfileVersionField"/> and <see cref="ProfileOwnerField"/>.
    /// </summary>
    public static RedisKey Profile(string profileId) => $"profile:{{{profileId}}}";

    /// <summary>The profile's version (decimal), written with every version of the profile.</summary>
    public const string ProfileVersionField = "version";

    /// <summary>The subject that owns the profile, written with every version of the profile.</summary>
    public const string ProfileOwnerField = "owner";

    /// <summary>
    /// string, the id of an owner's last profile, deleted while the erasure of the owner's bookings
    /// (kept by Directory) had not yet succeeded. Profiles writes it in the step that deletes that
    /// profile and clears it once the erasure succeeded; while it exists Profiles creates no profile of
    /// the owner, and Directory, before the owner holds or confirms a slot, erases their bookings and
    /// holds itself and clears it, so a later retry of that delete cannot erase what they book after it.
    /// Cleared only while it still names the same profile (compare and delete).
    /// </summary>
    public static RedisKey BookingErasureOwed(string ownerId) => $"erasure-owed:{{{ownerId}}}";

    /// <summary>The directory sequence (bumped by every listing write); Matching's cache generation.</summary>
    public static readonly RedisKey DirectorySequence = "directory:seq";

    /// <summary>
    /// The availability generation: the Directory INCRs it after every write of weekly hours or
    /// exceptions, and of bookings that move a listing's earliest open slot (not holds, which lapse by
    /// themselves); Matching's cache generation alongside
    /// <see cref="DirectorySequence"/>. A key of its own because the directory sequence is also the
    /// listings' etag and change-feed position, which an availability write must not move.
    /// </summary>
    public static readonly RedisKey AvailabilityGeneration = "availability:gen";
}

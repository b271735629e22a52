using HealingNetwork.ServiceDefaults.Storage;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// The counter that tells readers of availability (Matching's result cache) that open slots may have
/// changed. Key layout:
/// <code>
/// availability:gen  string  INCR after every availability write that can change a match answer:
///                           weekly hours set, an exception added or removed, a booking confirmed or
///                           cancelled when its slot is the listing's earliest (AvailabilityApi says
///                           why only then) (<see cref="SharedKeys.AvailabilityGeneration"/>)
/// </code>
/// Holds are left out on purpose: a hold lapses by its TTL without any write, so no counter could
/// follow it, and Matching's cache lifetime (minutes) already bounds how long a held slot is shown.
/// It is not <c>directory:seq</c> because that is also the listings' etag and the search index's
/// change-feed position; an availability write must not move either.
/// <para>
/// The bump comes after the write has succeeded, outside the write's script (the availability
/// scripts touch only one listing's keys). That order is what makes it safe: an answer computed from
/// data before the write was tagged with a generation read before the bump, so the bump makes it
/// stale; an answer tagged with the old generation but computed after the write is only a needless
/// miss. A crash between the write and the bump leaves cached answers stale until they expire.
/// </para>
/// </summary>
public sealed class AvailabilityGeneration(IConnectionMultiplexer redis)
{
    /// <summary>Marks every answer made from the availability before now as stale.</summary>
    public Task BumpAsync() => redis.GetDatabase().StringIncrementAsync(SharedKeys.AvailabilityGeneration);
}

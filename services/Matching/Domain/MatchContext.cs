using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// Everything one score is computed from: the client's profile, one listing, its distance
/// (-1 when unknown), its earliest open slot (null when unknown) and the moment of matching.
/// </summary>
public sealed record MatchContext(
    Profile Profile,
    Listing Listing,
    double DistanceKm,
    DateTimeOffset? EarliestSlot,
    DateTimeOffset Now,
    IReadOnlySet<string> CareTeamModalities)
{
    public double MaxTravelKm => Profile.MaxTravelKm;

    /// <summary>True when the listing is reachable only remotely for this client.</summary>
    public bool RemoteOnly => DistanceKm < 0 || DistanceKm > Profile.MaxTravelKm;
}

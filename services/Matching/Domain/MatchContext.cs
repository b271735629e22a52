using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// Everything one score is computed from: the client's profile, one listing, its distance
/// (-1 when unknown), its earliest open slot (null when unknown) and the moment of matching.
/// <see cref="MaxTravelKm"/> is the travel limit in force for this search: the profile's, unless
/// the call widened it (a filter override, or a referral's larger radius), so scoring and the
/// hard filters agree on what is within reach.
/// <see cref="NoOpenSlot"/> tells a listing that publishes hours but has nothing open in the horizon
/// (EarliestSlot null) from one that publishes none (<see cref="EarliestOpening"/>).
/// Only <see cref="Components.AvailabilityFit"/> reads <see cref="EarliestSlot"/> and <see cref="NoOpenSlot"/>:
/// <see cref="MatchScorer.TopAsync{T}"/> bounds every other part of a score before slots are known.
/// </summary>
public sealed record MatchContext(
    Profile Profile,
    Listing Listing,
    double DistanceKm,
    DateTimeOffset? EarliestSlot,
    DateTimeOffset Now,
    IReadOnlySet<string> CareTeamModalities)
{
    public double MaxTravelKm { get; init; } = Profile.MaxTravelKm;

    /// <summary>The practitioner comes to the client (the search's centre is in one of the listing's home-visit areas).</summary>
    public bool VisitsYou { get; init; }

    /// <summary>
    /// True when <see cref="DistanceKm"/> is measured from a point the client searched around
    /// (a referral's `near`), not from their home: explanations then say so.
    /// </summary>
    public bool FromSearchedPoint { get; init; }

    /// <summary>True when the listing publishes hours but has no open slot within the horizon (EarliestSlot is then null).</summary>
    public bool NoOpenSlot { get; init; }

    /// <summary>The earliest opening this context was made with.</summary>
    public EarliestOpening Opening => new(EarliestSlot, NoOpenSlot);

    /// <summary>This context with <paramref name="opening"/> as the listing's earliest opening.</summary>
    public MatchContext With(EarliestOpening opening) => this with { EarliestSlot = opening.Start, NoOpenSlot = opening.NoneOpen };

    /// <summary>True when the listing is reachable only remotely for this client (neither within travel nor visiting).</summary>
    public bool RemoteOnly => !VisitsYou && !HardFilters.WithinTravel(DistanceKm, MaxTravelKm);
}

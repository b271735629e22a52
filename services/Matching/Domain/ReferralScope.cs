using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// What a referral's candidates are checked against beyond the hard filters every match obeys:
/// the modalities of the specialty the client asked for by name (<see cref="Requested"/>, by its
/// modality or its NUCC code alike; exempt from their avoided modalities, see
/// <see cref="HardFilters"/>), and the listings already on their care team, which are never
/// referred: a referral is a new specialist, and the client already knows their own.
/// <see cref="FromSearchedPoint"/> is true when distances are measured from the request's `near`
/// rather than from the client's home, so explanations do not call them "from you".
/// </summary>
public sealed record ReferralScope(IReadOnlySet<string> Requested, IReadOnlySet<string> CareTeamListingIds, bool FromSearchedPoint)
{
    public static ReferralScope For(Profile profile, FindReferralsRequest request, ReferralSpecialty specialty) =>
        new(specialty.Modalities,
            profile.CareTeam.Where(p => p.ListingId.Length > 0).Select(p => p.ListingId).ToHashSet(StringComparer.Ordinal),
            FromSearchedPoint: request.Near is not null);

    /// <summary>True when the listing may be referred: it is not already one of the client's care partners.</summary>
    public bool Admits(Listing listing) => !CareTeamListingIds.Contains(listing.Id);
}

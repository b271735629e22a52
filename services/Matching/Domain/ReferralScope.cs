using HealingNetwork.Matching.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// What a referral's candidates are checked against beyond the hard filters every match obeys:
/// the modalities of the specialty the client asked for by name (<see cref="Requested"/>, by its
/// modality or its NUCC code alike; exempt from their avoided modalities, see
/// <see cref="HardFilters"/>). Listings already on the care team are left out as in every
/// journey (<see cref="CarePartnerListings"/>).
/// <see cref="FromSearchedPoint"/> is true when distances are measured from the request's `near`
/// rather than from the client's home, so explanations do not call them "from you".
/// </summary>
public sealed record ReferralScope(IReadOnlySet<string> Requested, bool FromSearchedPoint)
{
    public static ReferralScope For(FindReferralsRequest request, ReferralSpecialty specialty) =>
        new(specialty.Modalities, FromSearchedPoint: request.Near is not null);
}

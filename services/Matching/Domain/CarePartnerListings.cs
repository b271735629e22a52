using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// The listings already on the client's care team (partners added from the directory). They are
/// never offered as a match, a referral or a care-team suggestion: each of those is a new partner,
/// and the client already knows their own.
/// </summary>
public static class CarePartnerListings
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public static IReadOnlySet<string> Of(Profile profile)
    {
        if (!profile.CareTeam.Any(p => p.ListingId.Length > 0)) return None;
        return profile.CareTeam.Where(p => p.ListingId.Length > 0).Select(p => p.ListingId).ToHashSet(StringComparer.Ordinal);
    }
}

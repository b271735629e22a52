using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// The search behind a referral: the specialty (NUCC code) or modality, of any orientation,
/// near the request's point or the client's home. Specialists are worth travelling further for:
/// the radius is at least <see cref="MinRadiusKm"/>. Terms are scored, not filtered.
/// </summary>
public static class ReferralQuery
{
    public const double MinRadiusKm = 50;

    public static SearchListingsRequest For(Profile profile, FindReferralsRequest request, bool bySpecialty)
    {
        var search = new SearchListingsRequest { AcceptingNewClientsOnly = true, PageSize = CandidateQuery.PoolSize, SkipExactTotal = true };
        if (bySpecialty) search.Specialties.Add(request.Specialty);
        else search.Modalities.Add(request.Specialty);
        search.ExcludeModalities.AddRange(profile.AvoidedModalities.Where(m => m != request.Specialty));
        search.Languages.AddRange(profile.Languages);
        if (request.Near is { } near)
        {
            search.Near = near.Clone();
        }
        else if (profile.Home is { } home)
        {
            search.Near = new GeoRadius { Lat = home.Lat, Lon = home.Lon, RadiusKm = Math.Max(MinRadiusKm, profile.MaxTravelKm) };
        }
        if (search.Near is null) search.TelehealthOnly = true;
        else
        {
            search.IncludeTelehealth = profile.TelehealthOk;
            search.OrderBy = SearchOrder.Distance;
        }
        return search;
    }
}

using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// The searches behind a referral: listings offering the specialty's modalities, and listings
/// giving its NUCC code (one search each, merged by listing id: search filters combine with AND,
/// and the two are alternatives; see <see cref="ReferralSpecialty"/>), of any orientation,
/// near the request's point or the client's home. Specialists are worth travelling further for:
/// the radius is at least <see cref="MinRadiusKm"/>, except for a client whose travel limit is 0,
/// who does not travel (profiles.proto): as in FindMatches, they are referred to specialists who
/// come to their home (<see cref="CandidateQuery.DoorstepKm"/>) and, when they take it, to
/// telehealth, unless the request names a point (`near`). Terms are scored, not filtered.
/// <para>
/// Each search's pool (<see cref="CandidateQuery.PoolSize"/>) is retrieved in an order that approximates the
/// referral score, as matches are: SEARCH_ORDER_PREFERENCE preferring specialists who share
/// decisions and inform of options, each weighted by its share of the score (respect 0.5 × 0.35),
/// ties by distance, then id. By distance alone, a city with more specialists than the pool within
/// reach never showed a respectful one beyond the nearest hundred. Care-team collaboration, the
/// rest of respect, is not known to the index and ranks only when the pool is scored.
/// </para>
/// </summary>
public static class ReferralQuery
{
    public const double MinRadiusKm = 50;

    public static IReadOnlyList<SearchListingsRequest> For(Profile profile, FindReferralsRequest request, ReferralSpecialty specialty)
    {
        var search = Around(profile, request, specialty);
        var byModality = search.Clone();
        byModality.Modalities.AddRange(specialty.Modalities.Order(StringComparer.Ordinal));
        if (specialty.NuccCode is null) return [byModality];
        var byCode = search.Clone();
        byCode.Specialties.Add(specialty.NuccCode);
        return [byModality, byCode];
    }

    /// <summary>Everything but the specialty: place, languages, avoided modalities and the preference order.</summary>
    private static SearchListingsRequest Around(Profile profile, FindReferralsRequest request, ReferralSpecialty specialty)
    {
        var search = new SearchListingsRequest { AcceptingNewClientsOnly = true, PageSize = CandidateQuery.PoolSize, SkipExactTotal = true };
        // The client asked for this specialty by name (either name): their choice wins over their
        // avoided list (HardFilters agrees).
        search.ExcludeModalities.AddRange(profile.AvoidedModalities.Where(m => !specialty.Modalities.Contains(m)));
        search.Languages.AddRange(profile.Languages);
        if (request.Near is { } near)
        {
            search.Near = near.Clone();
        }
        else if (profile.Home is { } home)
        {
            var radius = profile.MaxTravelKm > 0 ? Math.Max(MinRadiusKm, profile.MaxTravelKm) : CandidateQuery.DoorstepKm;
            search.Near = new GeoRadius { Lat = home.Lat, Lon = home.Lon, RadiusKm = radius };
        }
        if (search.Near is null) search.TelehealthOnly = true;
        else search.IncludeTelehealth = profile.TelehealthOk;
        search.OrderBy = SearchOrder.Preference;
        search.Prefer = RespectSignals.Clone();
        return search;
    }

    /// <summary>Each approach signal of respect, weighted by its share of the referral score (scaled like the match pool's).</summary>
    private static readonly SearchPreferences RespectSignals = new()
    {
        SharedDecisions = true,
        InformsOfOptions = true,
        Weights = new PreferenceWeights { ApproachSignal = CandidateQuery.Scale * 0.5 * 0.35 },
    };
}

using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// Turns a profile (and optional overrides) into the directory searches that fetch candidates,
/// with every hard filter pushed down so the index does the excluding.
/// </summary>
public static class CandidateQuery
{
    /// <summary>Candidates fetched per search; the best page is chosen among them.</summary>
    public const int PoolSize = 100;

    public static double MaxTravelKm(Profile profile, MatchFilters? filters) =>
        filters is { MaxTravelKm: > 0 } ? filters.MaxTravelKm : profile.MaxTravelKm;

    /// <summary>The searches to run: the base one, and one restricted to sought modalities.</summary>
    public static IReadOnlyList<SearchListingsRequest> For(Profile profile, MatchFilters? filters)
    {
        var request = Base(profile, filters, MaxTravelKm(profile, filters));
        if (filters is { Modalities.Count: > 0 }) request.Modalities.AddRange(filters.Modalities);
        if (!string.IsNullOrWhiteSpace(filters?.Query)) request.Query = filters.Query;
        if (filters?.IncludeInfeasibleTerms != true) AddTerms(request, profile);

        if (profile.SoughtModalities.Count == 0 || request.Modalities.Count > 0) return [request];
        var sought = request.Clone();
        sought.Modalities.AddRange(profile.SoughtModalities);
        return [sought, request];
    }

    /// <summary>The filters every candidate must pass (travel, language, new clients, avoided modalities).</summary>
    public static SearchListingsRequest Base(Profile profile, MatchFilters? filters, double maxTravelKm)
    {
        var request = new SearchListingsRequest
        {
            AcceptingNewClientsOnly = true,
            ExcludeStale = filters?.ExcludeStale == true,
            PageSize = PoolSize,
            // Only the pool matters here, not how many listings match in all.
            SkipExactTotal = true,
        };
        request.ExcludeModalities.AddRange(profile.AvoidedModalities);
        request.Languages.AddRange(profile.Languages);
        if (profile.Home is { } home && maxTravelKm > 0)
        {
            request.Near = new GeoRadius { Lat = home.Lat, Lon = home.Lon, RadiusKm = maxTravelKm };
            request.IncludeTelehealth = profile.TelehealthOk;
            request.OrderBy = SearchOrder.Distance;
        }
        else
        {
            request.TelehealthOnly = true;
        }
        return request;
    }

    private static void AddTerms(SearchListingsRequest request, Profile profile)
    {
        if (profile.Budget is { MaxPerSession: > 0 } budget)
        {
            request.MaxFee = budget.MaxPerSession;
            request.Currency = budget.Currency;
        }
        request.BarterCategories.AddRange(profile.BarterOffers);
        request.TimeBank = profile.TimeBankHours;
    }
}

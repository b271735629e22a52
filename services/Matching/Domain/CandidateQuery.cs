using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// Turns a profile (and optional overrides) into the directory searches that fetch candidates,
/// with every hard filter pushed down so the index does the excluding, and the pool retrieved in
/// an order that approximates the match score (retrieve, then rerank): SEARCH_ORDER_PREFERENCE
/// with the profile's soft preferences, ties by distance then id. Without it the pool was the
/// <see cref="PoolSize"/> nearest (or, with no home, the first by id), and a better fit beyond
/// them was never scored.
/// <para>
/// Preference weights are each preference's share of the match score under the resolved weights
/// W (normalised to sum 1), ×100: a lifestyle tag W.lifestyle × 0.5 / tags (tag overlap); the
/// client's orientation W.lifestyle × 0.5 × 0.4 (compatibility 1 against 0.6 for a neighbour);
/// a sought modality W.modality (modality fit 1 against 0); each approach signal W.approach / 6
/// (shared decisions, informs of options), lifestyle focus alike for a client with tags. A kind
/// whose weight is 0 is left out. Distance, terms and availability are not known to the index
/// and rank only when the pool is scored.
/// </para>
/// </summary>
public static class CandidateQuery
{
    /// <summary>
    /// The search radius for a client who travels 0 km: their own door (a practitioner at the very
    /// same point is within reach, HardFilters.WithinTravel; the search needs a radius above 0).
    /// </summary>
    public const double DoorstepKm = 0.001;

    /// <summary>Candidates fetched per search; the best page is chosen among them.</summary>
    public const int PoolSize = 100;

    public static double MaxTravelKm(Profile profile, MatchFilters? filters) =>
        filters is { MaxTravelKm: > 0 } ? filters.MaxTravelKm : profile.MaxTravelKm;

    /// <summary>The searches to run: the base one, and one restricted to sought modalities.</summary>
    /// <param name="weights">The match weights in use (normalised); null resolves the profile's.</param>
    public static IReadOnlyList<SearchListingsRequest> For(Profile profile, MatchFilters? filters, MatchWeights? weights = null)
    {
        var request = Base(profile, filters, MaxTravelKm(profile, filters));
        request.OrderBy = SearchOrder.Preference;
        request.Prefer = Preferences(profile, weights ?? MatchWeightsResolver.Resolve(profile.Weights, null));
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
        if (profile.Home is { } home)
        {
            // A client who cannot travel still has a door: practitioners whose home-visit area covers
            // it are found by a search around it, whatever its radius (SearchResult.visits_you).
            request.Near = new GeoRadius { Lat = home.Lat, Lon = home.Lon, RadiusKm = Math.Max(maxTravelKm, DoorstepKm) };
            request.IncludeTelehealth = profile.TelehealthOk;
        }
        else
        {
            request.TelehealthOnly = true;
        }
        return request;
    }

    /// <summary>Scale of the preference weights: the match score's shares are at most 1, SearchListings takes up to 1000.</summary>
    internal const double Scale = 100;

    /// <summary>The soft preferences the scorer rewards, weighted by their share of the match score (see the class summary).</summary>
    public static SearchPreferences Preferences(Profile profile, MatchWeights weights)
    {
        var prefer = new SearchPreferences { Weights = new PreferenceWeights() };
        var tags = profile.LifestyleTags.Distinct(StringComparer.Ordinal).ToArray();
        if (weights.Lifestyle > 0 && tags.Length > 0)
        {
            prefer.LifestyleTags.AddRange(tags);
            prefer.Weights.LifestyleTag = Scale * weights.Lifestyle * 0.5 / tags.Length;
        }
        if (weights.Lifestyle > 0 && profile.Orientation != Orientation.Unspecified)
        {
            prefer.Orientations.Add(profile.Orientation);
            prefer.Weights.Orientation = Scale * weights.Lifestyle * 0.5 * 0.4;
        }
        if (weights.Modality > 0 && profile.SoughtModalities.Count > 0)
        {
            prefer.Modalities.AddRange(profile.SoughtModalities.Distinct(StringComparer.Ordinal));
            prefer.Weights.Modality = Scale * weights.Modality;
        }
        if (weights.Approach > 0)
        {
            prefer.SharedDecisions = true;
            prefer.InformsOfOptions = true;
            prefer.LifestyleFocus = tags.Length > 0;
            prefer.Weights.ApproachSignal = Scale * weights.Approach / 6;
        }
        return prefer;
    }

    private static void AddTerms(SearchListingsRequest request, Profile profile)
    {
        // max_fee 0 is free sessions only, what a budget of 0 reaches (ClientBudget).
        if (ClientBudget.Of(profile) is { } budget)
        {
            request.MaxFee = budget.MaxPerSession;
            request.Currency = budget.Currency;
        }
        request.BarterCategories.AddRange(profile.BarterOffers);
        request.TimeBank = profile.TimeBankHours;
    }
}

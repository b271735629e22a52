using HealingNetwork.ServiceDefaults.Validation;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain;

/// <summary>Checks a SearchListingsRequest and turns it into a backend-neutral query.</summary>
public static class SearchRequestRules
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static ListingSearchQuery Build(
        SearchListingsRequest request, ModalityTaxonomy taxonomy, DateTimeOffset now, TimeSpan staleAfter)
    {
        var v = new Violations();
        CheckQuery(v, request.Query);
        FieldRules.List(v, "modalities", request.Modalities, 50, c => taxonomy.IsKnownModality(c) ? null : "unknown modality code");
        FieldRules.List(v, "exclude_modalities", request.ExcludeModalities, 50, c => taxonomy.IsKnownModality(c) ? null : "unknown modality code");
        FieldRules.List(v, "specialties", request.Specialties, 50, c => taxonomy.IsKnownSpecialty(c) ? null : "unknown specialty code");
        FieldRules.List(v, "lifestyle_tags", request.LifestyleTags, 30, FieldRules.Tag);
        FieldRules.List(v, "barter_categories", request.BarterCategories, 20, FieldRules.Tag);
        FieldRules.Languages(v, "languages", request.Languages, 10);
        for (var i = 0; i < request.Orientations.Count; i++)
        {
            var o = request.Orientations[i];
            if (o == Orientation.Unspecified || !Enum.IsDefined(o)) v.Add($"orientations[{i}]", "unknown orientation");
        }
        if (request.Orientations.Count > 3) v.Add("orientations", "must have at most 3 items");
        if (request.Near is { } near) FieldRules.GeoRadius(v, "near", near);
        CheckFee(v, request);
        if (request.PageSize < 0 || request.PageSize > MaxPageSize) v.Add("page_size", $"must be between 0 and {MaxPageSize}");
        if (request.OrderBy == SearchOrder.Distance && request.Near is null) v.Add("order_by", "DISTANCE needs near");
        if (request.HomeVisitsOnly)
        {
            if (request.Near is null) v.Add("home_visits_only", "needs near: the place the practitioner would come to");
            if (request.IncludeTelehealth) v.Add("include_telehealth", "cannot be combined with home_visits_only");
            if (request.TelehealthOnly) v.Add("telehealth_only", "cannot be combined with home_visits_only");
        }
        if (request.Prefer is { } prefer) CheckPreferences(v, prefer, request.OrderBy, taxonomy);
        if (!Enum.IsDefined(request.OrderBy)) v.Add("order_by", "unknown order");
        if (request.EarliestSlotHorizonDays != 0)
        {
            if (!request.IncludeEarliestSlot) v.Add("earliest_slot_horizon_days", "is only meaningful with include_earliest_slot");
            else Availability.SlotQueryRules.Days(request.EarliestSlotHorizonDays, Availability.SlotQueryRules.DefaultHorizonDays,
                Availability.SlotQueryRules.MaxRangeDays, "earliest_slot_horizon_days", v);
        }
        v.ThrowIfAny();

        var after = PageToken.Decode(request.PageToken, WithoutToken(request));
        return new ListingSearchQuery
        {
            Text = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim(),
            Modalities = request.Modalities,
            ExcludeModalities = request.ExcludeModalities,
            Specialties = request.Specialties,
            Orientations = request.Orientations,
            LifestyleTags = request.LifestyleTags,
            Languages = request.Languages.Select(l => l.ToLowerInvariant()).ToArray(),
            Near = request.Near is { } n ? new GeoFilter(n.Lat, n.Lon, n.RadiusKm) : null,
            IncludeTelehealth = request.IncludeTelehealth,
            HomeVisits = request.HomeVisitsOnly ? HomeVisits.Only : HomeVisits.Include,
            TelehealthOnly = request.TelehealthOnly,
            Terms = TermsOf(request),
            AcceptingNewClientsOnly = request.AcceptingNewClientsOnly,
            ConfirmedSince = request.ExcludeStale ? now - staleAfter : null,
            Preferences = request.Prefer is { } p ? PreferencesOf(p) : [],
            Sort = request.OrderBy switch
            {
                SearchOrder.Distance => SearchSort.Distance,
                SearchOrder.Preference => SearchSort.Preference,
                _ => SearchSort.Relevance,
            },
            After = after,
            Limit = request.PageSize == 0 ? DefaultPageSize : request.PageSize,
            SkipExactTotal = request.SkipExactTotal,
        };
    }

    /// <summary>Why a query has nothing to search for, in the words a person who typed it would understand.</summary>
    public const string NoWordsToSearch = "has no words to search for (common words such as \"the\" are not searched)";

    /// <summary>
    /// The index's own analyzer, so a query is refused exactly when the index would find no term in it.
    /// The Elasticsearch mapping builds the same chain, so both backends refuse the same queries.
    /// </summary>
    private static readonly ListingTextAnalyzer TextAnalyzer = new();

    /// <summary>
    /// A blank query is no query. A query the analyzer reduces to nothing ("the", "(((", "...") searched
    /// nothing and returned the whole directory as if none had been typed, which surprised the person
    /// who typed it; it is refused instead.
    /// </summary>
    private static void CheckQuery(Violations v, string query)
    {
        var before = v.Items.Count;
        FieldRules.Text(v, "query", query, 200);
        if (v.Items.Count == before && !string.IsNullOrWhiteSpace(query) && !LuceneListingQuery.HasText(query, TextAnalyzer))
            v.Add("query", NoWordsToSearch);
    }

    /// <summary>max_fee 0 is a real limit (free sessions only), so presence, not a positive value, says a fee limit was asked for.</summary>
    private static void CheckFee(Violations v, SearchListingsRequest request)
    {
        if (!request.HasMaxFee)
        {
            if (request.Currency.Length > 0) v.Add("currency", "is only meaningful with max_fee");
            return;
        }
        if (request.MaxFee < 0) v.Add("max_fee", "must not be negative");
        if (request.Currency.Length == 0) v.Add("currency", "is required with max_fee: an ISO 4217 code such as \"USD\"");
        else if (!FieldRules.IsCurrency(request.Currency))
            v.Add("currency", FieldRules.IsCurrency(request.Currency.ToUpperInvariant())
                ? $"must be written in capitals: \"{request.Currency.ToUpperInvariant()}\""
                : "is not an ISO 4217 currency code (such as \"USD\" or \"EUR\")");
    }

    /// <summary>Upper bound of a preference weight: far above any sensible ratio, low enough that sums stay exact in a float.</summary>
    public const double MaxPreferenceWeight = 1_000;

    private static void CheckPreferences(Violations v, SearchPreferences prefer, SearchOrder order, ModalityTaxonomy taxonomy)
    {
        if (order != SearchOrder.Preference) v.Add("prefer", "is only meaningful with order_by SEARCH_ORDER_PREFERENCE");
        FieldRules.List(v, "prefer.lifestyle_tags", prefer.LifestyleTags, 30, FieldRules.Tag);
        FieldRules.List(v, "prefer.modalities", prefer.Modalities, 50, c => taxonomy.IsKnownModality(c) ? null : "unknown modality code");
        for (var i = 0; i < prefer.Orientations.Count; i++)
        {
            var o = prefer.Orientations[i];
            if (o == Orientation.Unspecified || !Enum.IsDefined(o)) v.Add($"prefer.orientations[{i}]", "unknown orientation");
        }
        if (prefer.Orientations.Count > 3) v.Add("prefer.orientations", "must have at most 3 items");
        if (prefer.Weights is { } w)
        {
            FieldRules.Range(v, "prefer.weights.lifestyle_tag", w.LifestyleTag, 0, MaxPreferenceWeight);
            FieldRules.Range(v, "prefer.weights.orientation", w.Orientation, 0, MaxPreferenceWeight);
            FieldRules.Range(v, "prefer.weights.modality", w.Modality, 0, MaxPreferenceWeight);
            FieldRules.Range(v, "prefer.weights.approach_signal", w.ApproachSignal, 0, MaxPreferenceWeight);
        }
    }

    /// <summary>
    /// One preference per lifestyle tag (each counts), one for the orientations and one for the
    /// modalities (any of them counts once), one per approach signal asked for.
    /// </summary>
    public static IReadOnlyList<Preference> PreferencesOf(SearchPreferences prefer)
    {
        var w = prefer.Weights ?? new PreferenceWeights();
        static float Weight(double value) => value > 0 ? (float)value : 1f;
        var preferences = new List<Preference>();
        foreach (var tag in prefer.LifestyleTags.Distinct(StringComparer.Ordinal))
            preferences.Add(new Preference(PreferenceKind.LifestyleTag, [tag], Weight(w.LifestyleTag)));
        if (prefer.Orientations.Count > 0)
            preferences.Add(new Preference(PreferenceKind.Orientation, prefer.Orientations.Distinct().Select(o => o.ToString()).ToArray(), Weight(w.Orientation)));
        if (prefer.Modalities.Count > 0)
            preferences.Add(new Preference(PreferenceKind.Modality, prefer.Modalities.Distinct(StringComparer.Ordinal).ToArray(), Weight(w.Modality)));
        if (prefer.SharedDecisions) preferences.Add(new Preference(PreferenceKind.Approach, [ApproachSignals.SharedDecisions], Weight(w.ApproachSignal)));
        if (prefer.InformsOfOptions) preferences.Add(new Preference(PreferenceKind.Approach, [ApproachSignals.InformsOfOptions], Weight(w.ApproachSignal)));
        if (prefer.LifestyleFocus) preferences.Add(new Preference(PreferenceKind.Approach, [ApproachSignals.LifestyleFocus], Weight(w.ApproachSignal)));
        return preferences;
    }

    private static TermsFilter? TermsOf(SearchListingsRequest r) =>
        r.HasMaxFee || r.BarterCategories.Count > 0 || r.TimeBank
            ? new TermsFilter(r.HasMaxFee ? r.MaxFee : null, r.HasMaxFee ? r.Currency : null, r.BarterCategories, r.TimeBank)
            : null;

    /// <summary>The request as it identifies a result set (page token cleared).</summary>
    public static SearchListingsRequest WithoutToken(SearchListingsRequest request)
    {
        var copy = request.Clone();
        copy.PageToken = "";
        return copy;
    }
}

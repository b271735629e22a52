using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Turns a <see cref="ListingSearchQuery"/> into a Lucene query over the fields of
/// <see cref="LuceneListingDocument"/>. Filters are MUST clauses wrapped in zero-boost
/// <see cref="ConstantScoreQuery"/>s (this Lucene has no FILTER occur), so the score is the text
/// score alone. Ordered by preference, the collectors score hits by the preferences they meet
/// instead (<see cref="LucenePreferenceScore"/>, from <see cref="PreferenceFilter"/>s) and the text
/// only restricts. Numeric ranges (fee, last confirmed) are checked from doc values
/// (<see cref="FieldCacheRangeFilter"/>): a trie <see cref="NumericRangeQuery"/> under a constant
/// score builds a bitset of every document in range before the conjunction starts (most of the
/// index for "confirmed in the last 90 days" or "fee under 120"), while a doc-values filter is only
/// asked about the documents the other clauses already matched.
/// User text never reaches a query parser: it is tokenized with the index analyzer
/// and each term becomes a boosted SHOULD <see cref="TermQuery"/>, so no input can be syntax.
/// </summary>
internal static class LuceneListingQuery
{
    // Bounds on what one search can cost: BooleanQuery allows 1,024 clauses by default.
    private const int MaxTextLength = 1_000;
    private const int MaxTextTerms = 32;

    private static readonly (string Field, float Boost)[] TextFields =
    [
        (F.DisplayName, 3f), (F.ModalityText, 2f), (F.SpecialtiesText, 2f), (F.Bio, 1f),
    ];

    /// <summary>
    /// The query, and whether it carries free text (so scores mean relevance). With
    /// <paramref name="filters"/>, every filter moves into one candidate set that leads the search
    /// (leap-frog, filter first): keyword filters that repeat across searches as cached doc-id sets,
    /// then the per-request checks (exchange terms, last confirmed) on the documents those let
    /// through; near a point, the geo box leads and its documents are tested against both
    /// (<see cref="NearCandidatesFilter"/>). The text clauses, the costly part, are then advanced only to documents that
    /// passed every filter, and they alone give the score.
    /// </summary>
    public static (Query Query, bool HasText) Build(ListingSearchQuery search, Analyzer analyzer, LuceneFilterCache? filters = null)
    {
        var text = TextQuery(search.Text, analyzer);
        return filters is null ? (Combined(search, text), text is not null) : (Filtered(search, text, filters), text is not null);
    }

    /// <summary>
    /// The documents meeting one preference (any of its values), as a keyword query for the filter
    /// cache; <see cref="LucenePreferenceScore"/> turns them into the preference score.
    /// </summary>
    public static Query PreferenceFilter(Preference preference) =>
        AnyOf(PreferenceField(preference.Kind), preference.AnyOf) ?? throw new ArgumentException("a preference needs a value", nameof(preference));

    private static string PreferenceField(PreferenceKind kind) => kind switch
    {
        PreferenceKind.LifestyleTag => F.LifestyleTag,
        PreferenceKind.Orientation => F.Orientation,
        PreferenceKind.Modality => F.Modality,
        PreferenceKind.Approach => F.Approach,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown preference kind"),
    };

    /// <summary>Whether <paramref name="text"/> leaves any term after analysis (what <see cref="Build"/> reports as HasText).</summary>
    public static bool HasText(string? text, Analyzer analyzer) => TextQuery(text, analyzer) is not null;

    /// <summary>Text and filters as one BooleanQuery (filters as zero-boost constant-score MUST clauses).</summary>
    private static Query Combined(ListingSearchQuery search, BooleanQuery? text)
    {
        var filterBoost = text is null ? 1f : 0f;
        var root = new BooleanQuery();
        if (text is not null)
        {
            root.Add(text, Occur.MUST);
        }

        foreach (var (filter, _) in Filters(search))
        {
            root.Add(new ConstantScoreQuery(filter) { Boost = filterBoost }, Occur.MUST);
        }

        foreach (var code in search.ExcludeModalities)
        {
            root.Add(new TermQuery(new Term(F.Modality, code)), Occur.MUST_NOT);
        }

        // A query of only MUST_NOT clauses matches nothing in Lucene.
        MatchAllIfOnlyExclusions(root);
        return root;
    }

    private static Query Filtered(ListingSearchQuery search, BooleanQuery? text, LuceneFilterCache filters)
    {
        var keywords = new BooleanQuery();
        foreach (var (filter, cacheable) in Filters(search, perRequestChecks: false))
        {
            if (cacheable) keywords.Add(filter, Occur.MUST);
        }

        foreach (var code in search.ExcludeModalities)
        {
            keywords.Add(new TermQuery(new Term(F.Modality, code)), Occur.MUST_NOT);
        }

        Filter? cached = null;
        if (keywords.Clauses.Count > 0)
        {
            MatchAllIfOnlyExclusions(keywords);
            cached = filters.For(keywords);
        }

        // Exchange terms and "confirmed since" are checked per candidate from doc values; near a
        // point, only on the documents of the geo box that the keyword bit sets let through.
        var candidates = search.Near is { } near
            ? new NearCandidatesFilter(
                search.HomeVisits == HomeVisits.Only ? null : NearBox(near),
                search.IncludeTelehealth && search.HomeVisits != HomeVisits.Only ? filters.For(TelehealthListings) : null,
                search.HomeVisits == HomeVisits.Exclude ? null : VisitCells(near),
                cached, RequestChecksFilter.ChecksOf(search))
            : RequestChecksFilter.For(cached, search);

        if (candidates is null) return text ?? (Query)new MatchAllDocsQuery();
        if (text is null) return new FilteredQuery(new MatchAllDocsQuery(), candidates, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
        // Text with keyword filters only: the text walks its postings and asks the cached bit sets
        // (measured: 1.26 -> 1.0 ms at 100k). With per-candidate checks or a geo box the candidates
        // are fewer and dearer to test, so they lead and the text is advanced to each of them
        // (random access there measured 1.55 -> 2.4 ms).
        var keywordsOnly = search.Near is null && candidates is not RequestChecksFilter;
        return new FilteredQuery(text, candidates, keywordsOnly ? RandomAccess : FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
    }

    private static readonly FilteredQuery.FilterStrategy RandomAccess = new AlwaysRandomAccess();

    /// <summary>Random access whenever the candidates offer bits (Lucene's default only when the first candidate is among the first 100 documents).</summary>
    private sealed class AlwaysRandomAccess : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(Lucene.Net.Util.IBits bits, int firstFilterDoc) => true;
    }

    private static void MatchAllIfOnlyExclusions(BooleanQuery query)
    {
        if (query.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
    }

    /// <summary>Each filter, and whether it is a keyword filter worth caching (its values repeat across searches).</summary>
    private static IEnumerable<(Query Filter, bool Cacheable)> Filters(ListingSearchQuery search, bool perRequestChecks = true)
    {
        if (AnyOf(F.Modality, search.Modalities) is { } modalities) yield return (modalities, true);
        if (AnyOf(F.Specialty, search.Specialties) is { } specialties) yield return (specialties, true);
        if (AnyOf(F.Orientation, search.Orientations.Select(F.OrientationTerm)) is { } orientations) yield return (orientations, true);
        if (AnyOf(F.LifestyleTag, search.LifestyleTags) is { } tags) yield return (tags, true);
        if (AnyOf(F.Language, search.Languages.Select(F.LanguageTerm)) is { } languages) yield return (languages, true);
        if (search.Near is { } near) yield return (NearPrefilter(near, search.IncludeTelehealth, search.HomeVisits), false);
        if (search.TelehealthOnly) yield return (new TermQuery(new Term(F.Telehealth, F.True)), true);
        if (perRequestChecks && search.Terms is { } terms && TermsQuery(terms) is { } exchange) yield return (exchange, false);
        if (search.AcceptingNewClientsOnly) yield return (new TermQuery(new Term(F.AcceptingNewClients, F.True)), true);
        if (perRequestChecks && search.ConfirmedSince is { } since)
        {
            yield return (new ConstantScoreQuery(FieldCacheRangeFilter.NewInt64Range(F.LastConfirmedMsValues, since.ToUnixTimeMilliseconds(), null, true, true)), false);
        }
    }

    /// <summary>
    /// The bounding box of the circle (a superset: lat and lon may come from different locations
    /// of one listing), as the grid cells that cover it (<see cref="GeoCells"/>) or, for a box too
    /// large for them, as trie ranges; the collector then keeps only exact haversine matches.
    /// </summary>
    private static Query NearPrefilter(GeoFilter near, bool includeTelehealth, HomeVisits homeVisits)
    {
        var visits = new ConstantScoreQuery(VisitCells(near));
        if (homeVisits == HomeVisits.Only) return visits;
        var (minLat, maxLat, lonRanges) = GeoDistance.BoundingBox(near.Lat, near.Lon, near.RadiusKm);
        var box = GeoCells.Covering(minLat, maxLat, lonRanges) is { } cells
            ? new ConstantScoreQuery(new Lucene.Net.Queries.TermsFilter(F.GeoCell, cells.Select(c => new BytesRef(c)).ToArray()))
            : RangeBox(minLat, maxLat, lonRanges);
        var any = new BooleanQuery { { box, Occur.SHOULD } };
        if (includeTelehealth) any.Add(new TermQuery(new Term(F.Telehealth, F.True)), Occur.SHOULD);
        if (homeVisits == HomeVisits.Include) any.Add(visits, Occur.SHOULD);
        return any.Clauses.Count == 1 ? box : any;
    }

    /// <summary>The box of <see cref="NearPrefilter"/> (telehealth and home visits aside) as a filter: the cells' own terms filter, or the range box.</summary>
    private static Filter NearBox(GeoFilter near) =>
        NearPrefilter(near, includeTelehealth: false, HomeVisits.Exclude) is var prefilter && prefilter is ConstantScoreQuery { Filter: { } cells }
            ? cells
            : new QueryWrapperFilter(prefilter);

    /// <summary>
    /// The listings that may come to the centre: those with a home-visit cell (<see cref="LuceneListingDocument.VisitCells"/>)
    /// that holds it, at any cell size, or that no cells cover. A fresh filter per call (NearCandidatesFilter may own its set).
    /// </summary>
    private static Filter VisitCells(GeoFilter near) =>
        new Lucene.Net.Queries.TermsFilter(F.VisitCell, GeoCells.Of(near.Lat, near.Lon).Append(F.AnyVisitCell).Select(c => new BytesRef(c)).ToArray());

    private static readonly TermQuery TelehealthListings = new(new Term(F.Telehealth, F.True));

    private static Query RangeBox(double minLat, double maxLat, IReadOnlyList<(double Min, double Max)> lonRanges)
    {
        var lon = new BooleanQuery();
        foreach (var (min, max) in lonRanges)
        {
            lon.Add(NumericRangeQuery.NewDoubleRange(F.Lon, F.PrecisionStep, min, max, true, true), Occur.SHOULD);
        }

        return new BooleanQuery
        {
            { NumericRangeQuery.NewDoubleRange(F.Lat, F.PrecisionStep, minLat, maxLat, true, true), Occur.MUST },
            { lon, Occur.MUST },
        };
    }

    /// <summary>Exchange terms pass when any given alternative holds; none given means no constraint.</summary>
    private static Query? TermsQuery(TermsFilter terms)
    {
        var any = new BooleanQuery();
        if (terms.MaxFee is { } maxFee)
        {
            var fee = new BooleanQuery { { new ConstantScoreQuery(FieldCacheRangeFilter.NewInt64Range(F.FeeMinEffectiveValues, null, maxFee, true, true)), Occur.MUST } };
            if (!string.IsNullOrEmpty(terms.Currency))
            {
                fee.Add(new TermQuery(new Term(F.Currency, F.CurrencyTerm(terms.Currency))), Occur.MUST);
            }

            any.Add(fee, Occur.SHOULD);
        }

        foreach (var category in terms.BarterCategories.Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(F.Barter, category)), Occur.SHOULD);
        }

        if (terms.TimeBank)
        {
            any.Add(new TermQuery(new Term(F.TimeBank, F.True)), Occur.SHOULD);
        }

        return any.Clauses.Count == 0 ? null : any;
    }

    private static Query? AnyOf(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any.Clauses.Count == 0 ? null : any;
    }

    /// <summary>SHOULD terms across the text fields (at least one must match), or null when no term survives analysis.</summary>
    private static BooleanQuery? TextQuery(string? text, Analyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = Analyze(text.Length > MaxTextLength ? text[..MaxTextLength] : text, analyzer);
        if (terms.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            foreach (var (field, boost) in TextFields)
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }
        }

        return query;
    }

    private static List<string> Analyze(string text, Analyzer analyzer)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(F.Bio, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (terms.Count < MaxTextTerms && stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }
}

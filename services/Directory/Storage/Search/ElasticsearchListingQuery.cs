using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using HealingNetwork.ServiceDefaults.Languages;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Translates a <see cref="ListingSearchQuery"/> into an Elasticsearch search request with the
/// semantics of the contract: lists ORed inside (<c>terms</c>), filters ANDed across (<c>bool.filter</c>,
/// which also keeps them out of scoring), free text scored by one <c>multi_match</c> (or, ordered by
/// preference, <c>constant_score</c> should clauses weighted per preference), and every
/// order ending on the listing id so pages are stable.
/// </summary>
internal static class ElasticsearchListingQuery
{
    /// <summary>Boosts: a name match beats a modality or specialty match, which beats a word in the bio.</summary>
    private static readonly string[] TextFields = ["display_name^3", "modality_text^2", "specialties_text^2", "bio"];

    /// <summary>
    /// One hit more than the page asks for, to know whether a next page exists; with a cursor, the
    /// hits after its sort values (<c>search_after</c>, which Elasticsearch does not combine with <c>from</c>).
    /// </summary>
    public static SearchRequest ToSearchRequest(ListingSearchQuery query, string indexName) => new(indexName)
    {
        Query = ToQuery(query),
        Sort = ToSort(query),
        From = query.After is null ? query.Offset : null,
        SearchAfter = query.After is { } after ? SortValues(query, after) : null,
        Size = query.Limit + 1,
        // The page reports how many matched in all, not Elasticsearch's default cap of 10,000.
        TrackTotalHits = new TrackHits(true),
        // Hits only need the listing; the derived fields stay on the server.
        Source = new SourceFilter { Includes = Fields.FromString("listing") },
    };

    /// <summary>
    /// The current text score of the cursor's listing under the query (see <see cref="SearchCursor.Position"/>):
    /// the query itself, scoring as it does in the search, narrowed to that one listing by a filter, which does not score.
    /// </summary>
    public static SearchRequest ToCursorScoreRequest(ListingSearchQuery query, string id, string indexName) => new(indexName)
    {
        Query = new BoolQuery { Must = [ToQuery(query)], Filter = [new IdsQuery { Values = new Ids([new Id(id)]) }] },
        Size = 1,
        Source = new SourceConfig(false),
    };

    public static Query ToQuery(ListingSearchQuery query)
    {
        if (query.Sort == SearchSort.Preference) return ByPreference(query);
        var filters = Filters(query).ToList();
        var mustNot = query.ExcludeModalities.Count > 0 ? [AnyOf("modalities", query.ExcludeModalities)] : new List<Query>();
        var must = query.Text is { Length: > 0 } text ? [Text(text)] : new List<Query>();
        if (filters.Count == 0 && mustNot.Count == 0 && must.Count == 0)
            return new MatchAllQuery();
        var root = new BoolQuery();
        if (must.Count > 0) root.Must = must;
        if (filters.Count > 0) root.Filter = filters;
        if (mustNot.Count > 0) root.MustNot = mustNot;
        return root;
    }

    /// <summary>
    /// <see cref="SearchSort.Preference"/>: the filters and the text (if any) in filter context,
    /// so neither scores, and per preference a <c>constant_score</c> should clause boosted by its
    /// weight; minimum_should_match 0 keeps listings that meet none (score 0). The score is then the
    /// sum of the weights met, as in the Lucene backend.
    /// </summary>
    private static Query ByPreference(ListingSearchQuery query)
    {
        var filters = Filters(query).ToList();
        if (query.Text is { Length: > 0 } text) filters.Add(Text(text));
        // A bool of should clauses alone matches only listings that meet one: match_all keeps the rest.
        if (filters.Count == 0) filters.Add(new MatchAllQuery());
        var root = new BoolQuery { Filter = filters };
        if (query.ExcludeModalities.Count > 0) root.MustNot = [AnyOf("modalities", query.ExcludeModalities)];
        if (query.Preferences.Count > 0)
        {
            root.Should = query.Preferences.Select(p => (Query)new ConstantScoreQuery(AnyOf(PreferenceField(p.Kind), p.AnyOf)) { Boost = p.Weight }).ToList();
            root.MinimumShouldMatch = 0;
        }
        return root;
    }

    private static string PreferenceField(PreferenceKind kind) => kind switch
    {
        PreferenceKind.LifestyleTag => "lifestyle_tags",
        PreferenceKind.Orientation => "orientation",
        PreferenceKind.Modality => "modalities",
        PreferenceKind.Approach => "approach",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown preference kind"),
    };

    private static IEnumerable<Query> Filters(ListingSearchQuery query)
    {
        if (query.Modalities.Count > 0) yield return AnyOf("modalities", query.Modalities);
        if (query.Specialties.Count > 0) yield return AnyOf("specialties", query.Specialties);
        if (query.Orientations.Count > 0) yield return AnyOf("orientation", query.Orientations.Select(o => o.ToString()));
        if (query.LifestyleTags.Count > 0) yield return AnyOf("lifestyle_tags", query.LifestyleTags);
        if (query.Languages.Count > 0) yield return Languages(query.Languages);
        if (query.Near is { } near) yield return Near(near, query.IncludeTelehealth, query.HomeVisits);
        if (query.TelehealthOnly) yield return Is("telehealth");
        if (query.Terms is { } terms) yield return Feasible(terms);
        if (query.AcceptingNewClientsOnly) yield return Is("accepting_new_clients");
        if (query.ConfirmedSince is { } since)
            yield return new LongNumberRangeQuery("last_confirmed") { Gte = since.ToUnixTimeSeconds() };
    }

    /// <summary>
    /// Shares a language: the same primary subtag (<see cref="LanguageTag"/>: "pt-BR" finds "pt" and "pt-PT").
    /// The exact tags are asked too so that an index written before <c>language_primary</c> existed (its
    /// listings hold no value there until written again or RebuildIndex) still answers as it did.
    /// </summary>
    private static Query Languages(IReadOnlyList<string> tags) => AnyHolds(
    [
        AnyOf("language_primary", tags.Select(LanguageTag.Primary).Distinct(StringComparer.Ordinal)),
        AnyOf("languages", tags.Select(l => l.ToLowerInvariant()).Distinct(StringComparer.Ordinal)),
    ]);

    /// <summary>
    /// User text goes in as the plain query string of a <c>multi_match</c>: it is analysed as words,
    /// never parsed as query syntax, so quotes, colons or <c>OR</c> in it cannot change the query.
    /// </summary>
    private static Query Text(string text) => new MultiMatchQuery(text)
    {
        Fields = TextFields,
        Operator = Operator.Or,
    };

    /// <summary>
    /// Within the radius; or visiting the centre (a home-visit area holds it); with telehealth
    /// included, remote listings pass wherever they are. Only home visits: the visiting ones alone.
    /// </summary>
    private static Query Near(GeoFilter near, bool includeTelehealth, HomeVisits homeVisits)
    {
        Query visiting = new GeoShapeQuery("service_areas", new GeoShapeFieldQuery
        {
            Shape = new { type = "point", coordinates = new[] { near.Lon, near.Lat } },
            Relation = GeoShapeRelation.Intersects,
        });
        if (homeVisits == HomeVisits.Only) return visiting;
        Query withinRadius = new GeoDistanceQuery(
            Invariant($"{near.RadiusKm}km"), "locations", new LatLonGeoLocation(near.Lat, near.Lon))
        {
            DistanceType = GeoDistanceType.Arc,
        };
        var any = new List<Query> { withinRadius };
        if (homeVisits == HomeVisits.Include) any.Add(visiting);
        if (includeTelehealth) any.Add(Is("telehealth"));
        return any.Count == 1 ? withinRadius : AnyHolds(any);
    }

    /// <summary>See <see cref="TermsFilter"/>: the listing passes when any given alternative holds.</summary>
    private static Query Feasible(TermsFilter terms)
    {
        var alternatives = new List<Query>();
        if (terms.MaxFee is { } maxFee)
        {
            var fee = new List<Query> { new LongNumberRangeQuery("effective_min_fee") { Lte = maxFee } };
            if (terms.Currency is { } currency) fee.Add(new TermQuery("currency", currency));
            alternatives.Add(new BoolQuery { Filter = fee });
        }
        if (terms.BarterCategories.Count > 0) alternatives.Add(AnyOf("barter_accepted", terms.BarterCategories));
        if (terms.TimeBank) alternatives.Add(Is("time_bank"));
        // No alternative given: nothing can hold, so nothing passes (an empty should with
        // minimum_should_match 1 matches no document, the same as the Lucene BooleanQuery).
        return AnyHolds(alternatives);
    }

    /// <summary>Whether the order starts with the score (text relevance, or preferences).</summary>
    public static bool SortsByScore(ListingSearchQuery query) =>
        (query.Sort == SearchSort.Relevance && query.Text is { Length: > 0 }) || query.Sort == SearchSort.Preference;

    /// <summary>Whether the order uses the distance (after the score, if any).</summary>
    public static bool SortsByDistance(ListingSearchQuery query) => query.Sort != SearchSort.Id && query.Near is not null;

    private static ICollection<SortOptions> ToSort(ListingSearchQuery query)
    {
        var sort = new List<SortOptions>();
        if (SortsByScore(query))
            sort.Add(new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } });
        if (SortsByDistance(query))
            sort.Add(ByDistance(query.Near!));
        sort.Add(new FieldSort("id") { Order = SortOrder.Asc });
        return sort;
    }

    /// <summary>
    /// The cursor as the sort values of <see cref="ToSort"/>. A listing without a location has the
    /// distance +∞, which Elasticsearch writes, and reads back, as the string "Infinity".
    /// </summary>
    private static List<FieldValue> SortValues(ListingSearchQuery query, SearchCursor after)
    {
        var values = new List<FieldValue>(3);
        if (SortsByScore(query)) values.Add(FieldValue.Double(after.Score));
        if (SortsByDistance(query))
            values.Add(double.IsPositiveInfinity(after.DistanceKm) ? FieldValue.String("Infinity") : FieldValue.Double(after.DistanceKm));
        values.Add(FieldValue.String(after.Id));
        return values;
    }

    /// <summary>Nearest location first (mode min over the listing's points); listings without one sort last.</summary>
    private static GeoDistanceSort ByDistance(GeoFilter near) =>
        new("locations", [new LatLonGeoLocation(near.Lat, near.Lon)])
        {
            Order = SortOrder.Asc,
            Unit = DistanceUnit.Kilometers,
            DistanceType = GeoDistanceType.Arc,
            Mode = SortMode.Min,
        };

    private static Query AnyOf(string field, IEnumerable<string> values) =>
        new TermsQuery(field, new TermsQueryField(values.Select(v => (FieldValue)v).ToArray()));

    private static Query Is(string field) => new TermQuery(field, true);

    private static Query AnyHolds(List<Query> alternatives) => new BoolQuery
    {
        Should = alternatives,
        MinimumShouldMatch = 1,
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;

namespace HealingNetwork.Benchmarks.Search;

/// <summary>
/// The benchmark queries, each beside the plain Lucene query a developer would write by hand for
/// it (BooleanQuery of TermQuery / NumericRangeQuery, top-N by score or by the id column): the
/// baseline the product index is compared with in the same run.
/// </summary>
public static class RawLuceneCases
{
    private static readonly (string Field, float Boost)[] TextFields =
        [(F.DisplayName, 3f), (F.ModalityText, 2f), (F.SpecialtiesText, 2f), (F.Bio, 1f)];

    public static IReadOnlyList<SearchCase> All(DateTimeOffset now)
    {
        const string text = "massage for athletes";
        string[] modalities = ["massage-therapy", "sports-massage", "chiropractic"];
        var since = now.AddDays(-90);
        var terms = new TermsFilter(12_000, "USD", ["produce"], false);
        var portland = new GeoFilter(45.5152, -122.6784, 50);
        var byId = new Sort(new SortField(F.IdSort, SortFieldType.STRING));

        var boolRangeText = new ListingSearchQuery
        {
            Text = text, Modalities = modalities, AcceptingNewClientsOnly = true, Terms = terms, ConfirmedSince = since,
        };
        return
        [
            new("bool+range+text", boolRangeText, Root(TextQuery(text),
                AnyOf(F.Modality, modalities), Term(F.AcceptingNewClients, F.True), Fee(terms), Confirmed(since)), null),
            new("text only", new ListingSearchQuery { Text = text }, Root(TextQuery(text)), null),
            new("filters only (id order)",
                new ListingSearchQuery { Orientations = [Orientation.NatureOriented], Languages = ["en"], AcceptingNewClientsOnly = true },
                Root(null, Term(F.Orientation, F.OrientationTerm(Orientation.NatureOriented)), Term(F.Language, "en"),
                    Term(F.AcceptingNewClients, F.True)), byId),
            new("bool+range+text near 50 km", boolRangeText with { Near = portland },
                Root(TextQuery(text), AnyOf(F.Modality, modalities), Term(F.AcceptingNewClients, F.True), Fee(terms),
                    Confirmed(since), Box(portland)), null),
            // What FindMatches asks for: everyone in reach or seeing clients by telehealth, 100 nearest first;
            // once with the exact total a SearchListings user gets, once page only (skip_exact_total, as Matching asks).
            MatchCandidates("match candidates: near 50 km or telehealth, 100 by distance, exact total", portland, terms, skipTotal: false),
            MatchCandidates("match candidates: same, page only (skip_exact_total)", portland, terms, skipTotal: true),
        ];
    }

    private static SearchCase MatchCandidates(string name, GeoFilter near, TermsFilter terms, bool skipTotal) => new(name,
        new ListingSearchQuery
        {
            Near = near, IncludeTelehealth = true, AcceptingNewClientsOnly = true, Languages = ["en"], Terms = terms,
            ExcludeModalities = ["reiki"], Sort = SearchSort.Distance, SkipExactTotal = skipTotal,
        },
        Root(null, Term(F.AcceptingNewClients, F.True), Term(F.Language, "en"), Fee(terms),
            new BooleanQuery { { Box(near), Occur.SHOULD }, { Term(F.Telehealth, F.True), Occur.SHOULD } },
            new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { Term(F.Modality, "reiki"), Occur.MUST_NOT } }),
        null, PageSize: 100);

    private static Query Root(Query? text, params Query[] filters)
    {
        var root = new BooleanQuery();
        if (text is not null) root.Add(text, Occur.MUST);
        foreach (var filter in filters) root.Add(new ConstantScoreQuery(filter) { Boost = text is null ? 1f : 0f }, Occur.MUST);
        return root;
    }

    private static Query TextQuery(string text)
    {
        var query = new BooleanQuery();
        using var analyzer = new ListingTextAnalyzer(); // the index's own analyzer, so raw and product search the same terms
        using var stream = analyzer.GetTokenStream(F.Bio, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            foreach (var (field, boost) in TextFields) query.Add(new TermQuery(new Term(field, term.ToString())) { Boost = boost }, Occur.SHOULD);
        }
        stream.End();
        return query;
    }

    private static Query Term(string field, string value) => new TermQuery(new Term(field, value));

    private static Query AnyOf(string field, string[] values)
    {
        var any = new BooleanQuery();
        foreach (var value in values) any.Add(Term(field, value), Occur.SHOULD);
        return any;
    }

    private static Query Fee(TermsFilter terms) => new BooleanQuery
    {
        { new BooleanQuery
            {
                { NumericRangeQuery.NewInt64Range(F.FeeMinEffective, F.PrecisionStep, null, terms.MaxFee, true, true), Occur.MUST },
                { Term(F.Currency, terms.Currency!), Occur.MUST },
            }, Occur.SHOULD },
        { Term(F.Barter, terms.BarterCategories[0]), Occur.SHOULD },
    };

    private static Query Confirmed(DateTimeOffset since) =>
        NumericRangeQuery.NewInt64Range(F.LastConfirmedMs, F.PrecisionStep, since.ToUnixTimeMilliseconds(), null, true, true);

    private static Query Box(GeoFilter near)
    {
        var (minLat, maxLat, lonRanges) = GeoDistance.BoundingBox(near.Lat, near.Lon, near.RadiusKm);
        var (minLon, maxLon) = lonRanges[0];
        return new BooleanQuery
        {
            { NumericRangeQuery.NewDoubleRange(F.Lat, F.PrecisionStep, minLat, maxLat, true, true), Occur.MUST },
            { NumericRangeQuery.NewDoubleRange(F.Lon, F.PrecisionStep, minLon, maxLon, true, true), Occur.MUST },
        };
    }
}

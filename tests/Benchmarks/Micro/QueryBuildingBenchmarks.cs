using BenchmarkDotNet.Attributes;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>From a SearchListings request to the Lucene query: validation and rules, then the query itself.</summary>
[MemoryDiagnoser]
public class QueryBuildingBenchmarks
{
    private readonly ListingTextAnalyzer _analyzer = new(); // the index's own analyzer
    private SearchListingsRequest _request = new();
    private ListingSearchQuery _query = new();

    [GlobalSetup]
    public void Setup()
    {
        _request = new SearchListingsRequest
        {
            Query = "massage for athletes", AcceptingNewClientsOnly = true, MaxFee = 12_000, Currency = "USD", PageSize = 20,
            Near = new GeoRadius { Lat = 45.5152, Lon = -122.6784, RadiusKm = 50 }, IncludeTelehealth = true,
        };
        _request.Modalities.AddRange(["massage-therapy", "sports-massage", "chiropractic"]);
        _request.BarterCategories.Add("produce");
        _query = SearchRequestRules.Build(_request, ModalityTaxonomy.Default, BenchListings.Now, TimeSpan.FromDays(90));
    }

    [Benchmark(Description = "SearchRequestRules.Build (request → query)")]
    public ListingSearchQuery Rules() => SearchRequestRules.Build(_request, ModalityTaxonomy.Default, BenchListings.Now, TimeSpan.FromDays(90));

    [Benchmark(Description = "LuceneListingQuery.Build (query → Lucene)")]
    public object Lucene() => LuceneListingQuery.Build(_query, _analyzer).Query;

    [GlobalCleanup]
    public void Cleanup() => _analyzer.Dispose();
}

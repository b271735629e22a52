#if ELASTICSEARCH_CONTRACT
using HealingNetwork.Directory.Storage.Search;
using Xunit;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>
/// The shared search contract (<see cref="ListingSearchContract"/>, the same tests the Lucene backend
/// passes) run against a real Elasticsearch cluster.
///
/// How to run, with any reachable cluster (a local one: the official elasticsearch image with
/// security on, user "elastic"):
/// <code>
/// ELASTICSEARCH_URL=http://elastic:changeme@localhost:9200 \
///   dotnet test tests/Directory.Tests -p:ElasticsearchContract=true --filter FullyQualifiedName~ElasticsearchContractTests
/// </code>
/// The file compiles only with the ELASTICSEARCH_CONTRACT symbol because xunit 2 cannot skip a test
/// at run time: compiled in without a cluster, every contract test would fail. Directory.Tests.csproj
/// defines the symbol when asked to:
/// <c>&lt;DefineConstants Condition="'$(ElasticsearchContract)' == 'true'"&gt;$(DefineConstants);ELASTICSEARCH_CONTRACT&lt;/DefineConstants&gt;</c>.
/// Each test gets its own index (and meta index), deleted when the class finishes.
/// </summary>
public sealed class ElasticsearchContractTests(ElasticsearchContractCluster cluster)
    : ListingSearchContract, IClassFixture<ElasticsearchContractCluster>
{
    /// <summary>One index per test; a second call in the same test reopens it, as a restart would.</summary>
    private readonly string _indexName = cluster.NewIndexName();

    protected override IListingSearchIndex CreateIndex() => new ElasticsearchListingIndex(cluster.Client, _indexName);
}
#endif

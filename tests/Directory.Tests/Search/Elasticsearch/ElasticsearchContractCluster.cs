#if ELASTICSEARCH_CONTRACT
using Elastic.Clients.Elasticsearch;
using HealingNetwork.Directory.Storage.Search;
using Xunit;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>
/// The real cluster named by ELASTICSEARCH_URL, shared by the contract tests of one class: one client
/// for the run, a fresh index per test (so tests never see each other's listings) and every index
/// handed out deleted at the end, by name since clusters refuse wildcard deletes by default.
/// </summary>
public sealed class ElasticsearchContractCluster : IAsyncLifetime
{
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _indexNames = [];
    private int _next;

    public ElasticsearchContractCluster()
    {
        var url = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL");
        if (string.IsNullOrWhiteSpace(url))
            throw new InvalidOperationException("The Elasticsearch contract suite needs ELASTICSEARCH_URL (e.g. http://elastic:changeme@localhost:9200).");
        Client = ElasticsearchListingIndex.CreateClient(url);
    }

    public ElasticsearchClient Client { get; }

    /// <summary>A new, empty index name; the index itself is created on first use by the backend.</summary>
    public string NewIndexName()
    {
        var name = $"healing-listings-contract-{_runId}-{Interlocked.Increment(ref _next)}";
        lock (_indexNames)
            _indexNames.Add(name);
        return name;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        string[] names;
        lock (_indexNames)
            names = _indexNames.SelectMany(name => new[] { name, name + "-meta" }).ToArray();
        if (names.Length > 0)
            await Client.Indices.DeleteAsync(new Elastic.Clients.Elasticsearch.IndexManagement.DeleteIndexRequest(names)
            {
                IgnoreUnavailable = true,
            });
    }
}
#endif

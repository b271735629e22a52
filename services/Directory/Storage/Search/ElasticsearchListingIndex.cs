using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The search index on Elasticsearch, for deployments where Directory runs as several replicas.
/// Layout: index <c>{index}</c> (default "healing-listings") holds one document per listing, id =
/// listing id, fields per <see cref="ElasticsearchListingMapping"/>; index <c>{index}-meta</c> holds
/// the single document "checkpoint" with the change-feed position. Writes wait for a refresh
/// (<c>refresh=wait_for</c>) so a listing is searchable when Upsert returns, as with Lucene.
/// </summary>
public sealed class ElasticsearchListingIndex : IListingSearchIndex
{
    public const string DefaultIndexName = "healing-listings";
    private const string CheckpointId = "checkpoint";
    private const string PositionField = "position";

    private readonly ElasticsearchClient _client;
    private readonly string _indexName;
    private readonly string _metaIndexName;
    private readonly Func<string, Modality?> _findModality;
    private readonly SemaphoreSlim _ensureGate = new(1, 1);
    private volatile bool _indexReady;

    public ElasticsearchListingIndex(ElasticsearchClient client, string indexName = DefaultIndexName)
        : this(client, indexName, ModalityTaxonomy.Default.Find)
    {
    }

    /// <summary>Lets tests pin the synonym expansion to a taxonomy of their own.</summary>
    internal ElasticsearchListingIndex(ElasticsearchClient client, string indexName, Func<string, Modality?> findModality)
    {
        _client = client;
        _indexName = indexName;
        _metaIndexName = indexName + "-meta";
        _findModality = findModality;
    }

    /// <summary>
    /// Builds the client once for the process from a URL such as <c>http://user:pass@host:9200</c>;
    /// credentials in the URL become basic authentication (and are kept out of the node URI, which
    /// appears in logs and diagnostics).
    /// </summary>
    public static ElasticsearchClient CreateClient(string connectionString)
    {
        var uri = new Uri(connectionString, UriKind.Absolute);
        var node = new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
        var settings = new ElasticsearchClientSettings(node);
        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = separator < 0 ? uri.UserInfo : uri.UserInfo[..separator];
            var password = separator < 0 ? "" : uri.UserInfo[(separator + 1)..];
            settings.Authentication(new BasicAuthentication(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password)));
        }
        return new ElasticsearchClient(settings);
    }

    /// <summary>
    /// Creates the listings index with its mapping unless it exists, else adds the mapping's new
    /// fields to it. Safe to race with other replicas.
    /// </summary>
    public async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_indexReady)
            return;
        await _ensureGate.WaitAsync(cancellationToken);
        try
        {
            if (_indexReady)
                return;
            var exists = await _client.Indices.ExistsAsync(_indexName, cancellationToken);
            if (!exists.Exists)
            {
                var created = await _client.Indices.CreateAsync(
                    new CreateIndexRequest(_indexName) { Settings = ElasticsearchListingMapping.Settings(), Mappings = ElasticsearchListingMapping.Create() }, cancellationToken);
                // Another replica may have created it between our check and our create.
                if (!created.IsValidResponse && created.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception")
                    throw Failure("create index", created);
            }
            else
            {
                await AddNewFieldsAsync(cancellationToken);
            }
            _indexReady = true;
        }
        finally
        {
            _ensureGate.Release();
        }
    }

    /// <summary>
    /// An index created by an earlier version lacks the fields added since (such as <c>approach</c>),
    /// and its strict mapping would refuse every write carrying them. Adding fields to a mapping is
    /// allowed and a no-op for the fields it already has. Listings indexed before hold no value in a
    /// new field until they are written again or the index is rebuilt (RebuildIndex). The text fields
    /// are left as they are (<see cref="ElasticsearchListingMapping.ForExistingIndex"/>): their analyzer
    /// is fixed at creation, so an index created before accents were folded needs deleting to get it.
    /// </summary>
    private async Task AddNewFieldsAsync(CancellationToken cancellationToken)
    {
        var mapping = ElasticsearchListingMapping.ForExistingIndex();
        var updated = await _client.Indices.PutMappingAsync(
            new PutMappingRequest(_indexName) { Dynamic = mapping.Dynamic, Properties = mapping.Properties }, cancellationToken);
        if (!updated.IsValidResponse)
            throw Failure("update mapping", updated);
    }

    public async Task UpsertAsync(IReadOnlyCollection<Listing> listings, CancellationToken cancellationToken)
    {
        if (listings.Count == 0)
            return;
        await EnsureIndexAsync(cancellationToken);
        var operations = listings.Select(listing => (IBulkOperation)new BulkIndexOperation<ElasticsearchListingDocument>(
            ElasticsearchListingDocument.From(listing, _findModality)) { Id = listing.Id });
        await BulkAsync(new BulkOperationsCollection(operations), cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return;
        await EnsureIndexAsync(cancellationToken);
        await BulkAsync(new BulkOperationsCollection(ids.Select(id => (IBulkOperation)new BulkDeleteOperation(id))), cancellationToken);
    }

    public async Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        if (query.After is { } after && query.Sort == SearchSort.Relevance && query.Text is { Length: > 0 })
            query = await FromCurrentScoreAsync(query, after, cancellationToken);
        var response = await _client.SearchAsync<ElasticsearchListingDocument>(
            ElasticsearchListingQuery.ToSearchRequest(query, _indexName), cancellationToken);
        if (!response.IsValidResponse)
            throw Failure("search", response);
        return ElasticsearchListingHits.ToPage(response, query);
    }

    /// <summary>
    /// Text scores follow the index's term statistics, which every write moves: the cursor's listing is
    /// scored again before the page is read after it. When it no longer matches, the page starts at the
    /// cursor's position instead (as the Lucene index does).
    /// </summary>
    private async Task<ListingSearchQuery> FromCurrentScoreAsync(ListingSearchQuery query, SearchCursor after, CancellationToken cancellationToken)
    {
        var response = await _client.SearchAsync<ElasticsearchListingDocument>(
            ElasticsearchListingQuery.ToCursorScoreRequest(query, after.Id, _indexName), cancellationToken);
        if (!response.IsValidResponse)
            throw Failure("search", response);
        return response.Hits.FirstOrDefault()?.Score is { } score
            ? query with { After = after with { Score = (float)score } }
            : query with { After = null, Offset = query.Offset + after.Position };
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        var response = await _client.DeleteByQueryAsync(new DeleteByQueryRequest(_indexName)
        {
            Query = new MatchAllQuery(),
            // A concurrent write wins over the wipe instead of failing it; a rebuild follows anyway.
            Conflicts = Conflicts.Proceed,
            Refresh = true,
        }, cancellationToken);
        if (!response.IsValidResponse)
            throw Failure("clear", response);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        var response = await _client.CountAsync(new CountRequest(_indexName), cancellationToken);
        if (!response.IsValidResponse)
            throw Failure("count", response);
        return response.Count;
    }

    public async Task<string?> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        var response = await _client.GetAsync<Dictionary<string, string>>(
            new GetRequest(_metaIndexName, CheckpointId), cancellationToken);
        // 404: no checkpoint yet (or no meta index yet): the index is new.
        if (response.ApiCallDetails.HttpStatusCode == 404)
            return null;
        if (!response.IsValidResponse)
            throw Failure("read checkpoint", response);
        return response.Found ? response.Source?.GetValueOrDefault(PositionField) : null;
    }

    public async Task SetCheckpointAsync(string position, CancellationToken cancellationToken)
    {
        var document = new Dictionary<string, string> { [PositionField] = position };
        var response = await _client.IndexAsync(new IndexRequest<Dictionary<string, string>>(document, _metaIndexName, CheckpointId)
        {
            Refresh = Refresh.WaitFor,
        }, cancellationToken);
        if (!response.IsValidResponse)
            throw Failure("write checkpoint", response);
    }

    private async Task BulkAsync(BulkOperationsCollection operations, CancellationToken cancellationToken)
    {
        var response = await _client.BulkAsync(new BulkRequest(_indexName)
        {
            Operations = operations,
            Refresh = Refresh.WaitFor,
        }, cancellationToken);
        // Deleting an unknown id is a 404 item but not an error (errors=false): unknown ids are ignored.
        if (!response.ApiCallDetails.HasSuccessfulStatusCode || response.Errors)
            throw Failure("bulk write", response);
    }

    /// <summary>
    /// Names the operation and the server's reason only: the request body (listing text) and the
    /// node URI stay out of the message.
    /// </summary>
    private InvalidOperationException Failure(string operation, ElasticsearchResponse response)
    {
        var reason = response.ElasticsearchServerError?.Error?.Reason
            ?? (response as BulkResponse)?.ItemsWithErrors.FirstOrDefault()?.Error?.Reason
            ?? response.ApiCallDetails.OriginalException?.Message
            ?? $"HTTP {response.ApiCallDetails.HttpStatusCode}";
        return new InvalidOperationException($"Elasticsearch {operation} on '{_indexName}' failed: {reason}");
    }
}

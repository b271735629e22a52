using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The search index: derived from the store, rebuildable at any time. Implementations:
/// <c>LuceneListingIndex</c> (embedded default, on disk) and <c>ElasticsearchListingIndex</c>.
/// Writes are idempotent (upsert by id), so replaying the change feed is always safe.
/// </summary>
public interface IListingSearchIndex
{
    /// <summary>Adds or replaces listings and makes them searchable before returning.</summary>
    Task UpsertAsync(IReadOnlyCollection<Listing> listings, CancellationToken cancellationToken);

    /// <summary>Removes listings by id (unknown ids are ignored).</summary>
    Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Runs a validated query.</summary>
    Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken);

    /// <summary>Removes every document (before a full rebuild).</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    /// <summary>Number of documents in the index.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The last change-feed position applied and durably committed with the documents, or null
    /// when the index is new. Lets a restarted Directory replay only what it missed.
    /// </summary>
    Task<string?> GetCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>Durably records the change-feed position together with the documents written so far.</summary>
    Task SetCheckpointAsync(string position, CancellationToken cancellationToken);
}

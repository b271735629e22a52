using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// The source of truth for listings. Every write bumps one directory sequence number, which is
/// also the new etag, the change-feed position and Matching's cache generation.
/// </summary>
public interface IListingStore
{
    /// <summary>Stores a new listing; false when the id is taken. Sets Etag on success.</summary>
    Task<bool> CreateAsync(Listing listing, CancellationToken cancellationToken);

    /// <summary>
    /// Creates many listings in one atomic store operation (bulk import): one round trip and one
    /// log commit for the batch. Per listing: true when created (its etag is set), false when the id
    /// already existed.
    /// </summary>
    Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<Listing> listings, CancellationToken cancellationToken);

    /// <summary>Replaces a listing when its stored etag equals <paramref name="expectedEtag"/>.</summary>
    Task<WriteOutcome> ReplaceAsync(Listing listing, string expectedEtag, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a listing (when <paramref name="expectedEtag"/> is empty or matches), unless a confirmed
    /// booking of it ends after <paramref name="unlessBookedAfter"/> (<see cref="WriteOutcome.Booked"/>),
    /// checked in the same atomic step. Null deletes whatever is booked.
    /// </summary>
    Task<WriteOutcome> DeleteAsync(string id, string expectedEtag, DateTimeOffset? unlessBookedAfter, CancellationToken cancellationToken);

    Task<Listing?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Listings by id, in the same order; null where missing. One round trip.</summary>
    Task<IReadOnlyList<Listing?>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Each listing's IANA time zone, in the same order; null where missing. One round trip, read
    /// from the stored encodings without parsing the listings (earliest slots need only the zone).
    /// </summary>
    Task<IReadOnlyList<string?>> GetTimeZonesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> of <paramref name="ownerId"/>'s listings with ids after
    /// <paramref name="afterId"/> (from the first when null), ordered by id. Read from the owner's
    /// index, which every create and delete changes in the same atomic step as the listing, so a
    /// listing is here as soon as its create returns and gone as soon as its delete returns.
    /// </summary>
    Task<OwnedListingsPage> ListByOwnerAsync(string ownerId, string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Changes with sequence greater than <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<ListingChange>> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The oldest sequence still in the feed (older ones were trimmed), 0 when empty.</summary>
    Task<long> OldestChangeAsync(CancellationToken cancellationToken);

    /// <summary>The current directory sequence (generation).</summary>
    Task<long> SequenceAsync(CancellationToken cancellationToken);

    /// <summary>Every listing id, in batches (for a full index rebuild).</summary>
    IAsyncEnumerable<IReadOnlyList<string>> AllIdsAsync(int batchSize, CancellationToken cancellationToken);
}

/// <summary>Outcome of a conditional write.</summary>
public enum WriteOutcome { Written, NotFound, StaleEtag, Booked }

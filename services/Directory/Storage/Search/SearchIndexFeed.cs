using System.Diagnostics;
using System.Globalization;
using HealingNetwork.Directory.V1;
using Microsoft.Extensions.Logging;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Keeps the search index derived from the store. Writers call <see cref="ApplyThroughAsync"/>
/// with the sequence of their write so they read their own writes; a background loop applies
/// changes made elsewhere (another replica, or writes that crashed before indexing). The index
/// records the last applied sequence as its checkpoint, so a restart replays only what it missed,
/// and rebuilds from scratch when the feed no longer reaches back that far.
/// </summary>
public sealed class SearchIndexFeed(IListingStore store, IListingSearchIndex index, ILogger<SearchIndexFeed> logger)
{
    private const int BatchSize = 1000;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _applied = -1;

    /// <summary>Last sequence applied to the index (-1 before start-up catch-up).</summary>
    public long Applied => Volatile.Read(ref _applied);

    /// <summary>Makes every change up to <paramref name="sequence"/> searchable.</summary>
    public async Task ApplyThroughAsync(long sequence, CancellationToken cancellationToken)
    {
        if (Applied >= sequence) return;
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>Applies every change the index has not seen yet.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_applied < 0) await StartAsync(cancellationToken);
            while (true)
            {
                var changes = await store.ReadChangesAsync(_applied, BatchSize, cancellationToken);
                if (changes.Count == 0) return;
                await ApplyAsync(changes, cancellationToken);
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>Empties the index and indexes every listing in the store.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try { return await RebuildLockedAsync(cancellationToken); }
        finally { _gate.Release(); }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await index.GetCheckpointAsync(cancellationToken);
        var applied = long.TryParse(checkpoint, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1;
        var oldest = await store.OldestChangeAsync(cancellationToken);
        if (applied < 0 || (oldest > 0 && applied < oldest - 1))
        {
            logger.LogInformation("Search index is {State}; rebuilding from the store", applied < 0 ? "new" : "behind the change feed");
            await RebuildLockedAsync(cancellationToken);
            return;
        }
        _applied = applied;
    }

    private async Task<int> RebuildLockedAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var sequence = await store.SequenceAsync(cancellationToken); // changes after this are replayed later
        await index.ClearAsync(cancellationToken);
        var count = 0;
        await foreach (var ids in store.AllIdsAsync(BatchSize, cancellationToken))
        {
            var listings = (await store.GetManyAsync(ids, cancellationToken)).OfType<Listing>().ToArray();
            await index.UpsertAsync(listings, cancellationToken);
            count += listings.Length;
        }
        await index.SetCheckpointAsync(sequence.ToString(CultureInfo.InvariantCulture), cancellationToken);
        Volatile.Write(ref _applied, sequence);
        logger.LogInformation("Rebuilt search index: {Count} listings in {ElapsedMs} ms", count, clock.ElapsedMilliseconds);
        return count;
    }

    private async Task ApplyAsync(IReadOnlyList<ListingChange> changes, CancellationToken cancellationToken)
    {
        // Only the newest change per listing matters; the store holds its current state.
        var latest = changes.GroupBy(c => c.ListingId).Select(g => g.Last()).ToArray();
        var upsertIds = latest.Where(c => !c.Deleted).Select(c => c.ListingId).ToArray();
        var current = await store.GetManyAsync(upsertIds, cancellationToken);
        var present = current.OfType<Listing>().ToArray();
        var gone = latest.Where(c => c.Deleted).Select(c => c.ListingId)
            .Concat(upsertIds.Where((_, i) => current[i] is null)).ToArray();

        if (present.Length > 0) await index.UpsertAsync(present, cancellationToken);
        if (gone.Length > 0) await index.DeleteAsync(gone, cancellationToken);
        var last = changes[^1].Sequence;
        await index.SetCheckpointAsync(last.ToString(CultureInfo.InvariantCulture), cancellationToken);
        Volatile.Write(ref _applied, last);
    }
}

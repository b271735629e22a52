using System.Diagnostics;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The embedded search index: one Lucene index on disk (<see cref="MappedDirectory"/>: read-only
/// memory maps that are never unmapped under a reader), one <see cref="IndexWriter"/> for the process
/// lifetime, near-real-time readers through a <see cref="SearcherManager"/> refreshed after every
/// write. Document layout: <see cref="LuceneListingDocument"/>; query: <see cref="LuceneListingQuery"/>.
/// <para>
/// Durability: the change-feed checkpoint lives in the commit user data, so documents and
/// checkpoint are committed atomically by <see cref="SetCheckpointAsync"/>. Writes in between are
/// searchable at once and committed at most every <see cref="CommitInterval"/> (an fsync per small
/// batch would cap bulk indexing); anything lost in a crash is newer than the committed checkpoint
/// and is replayed from the change feed.
/// </para>
/// <para>
/// Compaction: a bulk load (import, rebuild, demo seeding) leaves the index in about ten segments,
/// and every query term is looked up once per segment. Once at least
/// <see cref="LuceneCompaction.AfterWrites"/> documents were written and the index has then been
/// idle for <see cref="LuceneCompaction.WhenIdleFor"/>, a background task merges it into one segment
/// (measured at 100k listings: 2.5 s, after which search p50/p99 drop by about a quarter).
/// Searches and writes go on meanwhile; ordinary trickle writes never reach the threshold.
/// </para>
/// </summary>
public sealed class LuceneListingIndex : IListingSearchIndex, IDisposable
{
    private const string CheckpointKey = "checkpoint";
    private const string SchemaKey = "schema";
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WriteLockWait = TimeSpan.FromSeconds(30);
    private static readonly HashSet<string> ListingFieldOnly = [F.Listing];

    private readonly ModalityTaxonomy _taxonomy;
    private readonly ILogger _logger;
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly LuceneFilterCache _filters = new();
    private readonly System.Threading.Lock _commitLock = new();
    private readonly System.Threading.Lock _compactLock = new();
    private long _lastCommitTimestamp;
    private string? _committedCheckpoint;
    private bool _disposed;
    private readonly LuceneCompaction _compaction;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _compactor;
    private long _writesSinceCompaction;
    private long _lastWriteTimestamp;

    public LuceneListingIndex(string indexDirectory, ModalityTaxonomy taxonomy, ILogger<LuceneListingIndex>? logger = null, LuceneCompaction? compaction = null)
    {
        _taxonomy = taxonomy;
        _compaction = compaction ?? new LuceneCompaction();
        _logger = logger ?? NullLogger<LuceneListingIndex>.Instance;
        System.IO.Directory.CreateDirectory(indexDirectory);
        _directory = new MappedDirectory(indexDirectory);
        _analyzer = new ListingTextAnalyzer();
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
            // A previous instance that is still shutting down (committing, closing) holds the write
            // lock for a few seconds; wait for it instead of failing to start.
            WriteLockTimeout = (long)WriteLockWait.TotalMilliseconds,
        });
        // On open the writer's commit data is the last commit's.
        // An index in an older document layout has no usable checkpoint: the feed rebuilds it.
        _committedCheckpoint = _writer.CommitData.TryGetValue(SchemaKey, out var schema) && schema == F.SchemaVersion
            && _writer.CommitData.TryGetValue(CheckpointKey, out var checkpoint) ? checkpoint : null;
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: new SegmentValues.Warmer());
        _lastCommitTimestamp = Stopwatch.GetTimestamp();
        _logger.LogInformation("Opened listing index at {IndexDirectory} with {DocumentCount} documents, checkpoint {Checkpoint}",
            indexDirectory, _writer.NumDocs, _committedCheckpoint);
        _compactor = Task.Run(() => CompactWhenIdleAsync(_stopping.Token));
    }

    /// <summary>Segments the current searcher reads (1 after a compaction).</summary>
    public int SegmentCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try { return searcher.IndexReader.Leaves.Count; }
            finally { _searchers.Release(searcher); }
        }
    }

    private async Task CompactWhenIdleAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_compaction.CheckEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                if (Interlocked.Read(ref _writesSinceCompaction) < _compaction.AfterWrites
                    || Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastWriteTimestamp)) < _compaction.WhenIdleFor)
                    continue;
                try
                {
                    Compact();
                }
                catch (ObjectDisposedException)
                {
                    return; // the index closed while compacting
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed merge leaves the index as it was (more segments, same documents).
                    _logger.LogWarning(ex, "Compacting the listing index failed; it stays as it is");
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private void Compact()
    {
        var clock = Stopwatch.StartNew();
        var written = Interlocked.Exchange(ref _writesSinceCompaction, 0);
        var before = SegmentCount;
        lock (_compactLock)
        {
            if (_disposed) return;
            _writer.ForceMerge(1);
        }
        lock (_commitLock)
        {
            if (_disposed) return;
            Commit(checkpoint: null, setCheckpoint: false); // keeps the recorded checkpoint
        }
        _searchers.MaybeRefreshBlocking();
        _logger.LogInformation("Compacted the listing index after {Written} writes: {Before} segments into {After} in {ElapsedMs} ms",
            written, before, SegmentCount, clock.ElapsedMilliseconds);
    }

    public Task UpsertAsync(IReadOnlyCollection<Listing> listings, CancellationToken cancellationToken)
    {
        foreach (var listing in listings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _writer.UpdateDocument(new Term(F.Id, listing.Id), F.Create(listing, _taxonomy));
        }

        Interlocked.Add(ref _writesSinceCompaction, listings.Count);
        AfterWrite();
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _writer.DeleteDocuments(ids.Select(id => new Term(F.Id, id)).ToArray());
        AfterWrite();
        return Task.CompletedTask;
    }

    /// <summary>Also forgets the checkpoint: a cleared index must be rebuilt from the start of the feed.</summary>
    public Task ClearAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_commitLock)
        {
            _writer.DeleteAll();
            Commit(checkpoint: null, setCheckpoint: true);
        }

        _searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return Task.FromResult((long)searcher.IndexReader.NumDocs);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public Task<string?> GetCheckpointAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Volatile.Read(ref _committedCheckpoint));

    public Task SetCheckpointAsync(string position, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_commitLock)
        {
            Commit(position, setCheckpoint: true);
        }

        return Task.CompletedTask;
    }

    public Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var searcher = _searchers.Acquire();
        try
        {
            var hasText = LuceneListingQuery.HasText(query.Text, _analyzer);
            // The full query is built only when it runs: a page filled inside a smaller radius needs none.
            Query? built = null;
            Query Full() => built ??= LuceneListingQuery.Build(query, _analyzer, _filters).Query;
            if (query.After is { } after && query.Sort == SearchSort.Relevance && hasText) query = FromCurrentScore(searcher, Full(), query, after);
            var window = new Window(Math.Max(0, query.Offset), Math.Max(0, query.Limit));
            var keep = (int)Math.Clamp(window.End, 0, Math.Max(1, searcher.IndexReader.MaxDoc));
            var page = query.Near is { } near
                ? InsideRadiusFillsPage(searcher, query, near, hasText, keep, window)
                    ?? PageOf(searcher, query, CollectNear(searcher, Full(), query, near, hasText, keep, Preferences(query)), RanksByScore(query, hasText) || hasText, window)
                : SearchEverywhere(searcher, Full(), query, hasText, keep, window, Preferences(query));
            return Task.FromResult(page);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        lock (_compactLock)
        lock (_commitLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _searchers.Dispose();
            // Dispose commits pending changes (with the current commit data) before closing.
            _writer.Dispose();
            _analyzer.Dispose();
            _directory.Dispose();
        }

        // The stop source is not disposed: a second Dispose must still be able to cancel it harmlessly.
        _compactor.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Text scores depend on term statistics, which every write to the directory moves, so the score
    /// in a cursor is stale by the next page: the cursor's listing is scored again first. When it no
    /// longer matches (deleted, or its text changed), the page starts at the cursor's position instead.
    /// </summary>
    private static ListingSearchQuery FromCurrentScore(IndexSearcher searcher, Query full, ListingSearchQuery query, SearchCursor after)
    {
        // The same scorer as the ranking collector's: RelevanceCollector takes documents out of order, NearbyListingCollector does not.
        var scoring = new ListingScoreCollector(after.Id, acceptsDocsOutOfOrder: query.Near is null);
        searcher.Search(full, scoring);
        return scoring.Score is { } score
            ? query with { After = after with { Score = score } }
            : query with { After = null, Offset = query.Offset + after.Position };
    }

    /// <summary>The preference score when ordering by preference (the hits' score then), else null.</summary>
    private LucenePreferenceScore? Preferences(ListingSearchQuery search) =>
        search.Sort == SearchSort.Preference ? new LucenePreferenceScore(search.Preferences, _filters) : null;

    /// <summary>Whether the order is by score: text relevance, or the preference score (which every hit has, text or not).</summary>
    private static bool RanksByScore(ListingSearchQuery search, bool hasText) =>
        search.Sort == SearchSort.Preference || (hasText && search.Sort == SearchSort.Relevance);

    /// <summary>
    /// No geo filter: <see cref="RelevanceCollector"/> by score then id, or by id alone (heap copies
    /// of the id ordinals; Lucene's TopFieldCollector read every hit's ordinal from disk).
    /// </summary>
    private static ListingSearchPage SearchEverywhere(IndexSearcher searcher, Query query, ListingSearchQuery search, bool hasText, int keep, Window window, LucenePreferenceScore? preferences)
    {
        if (keep == 0)
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(query, counter);
            return new ListingSearchPage([], counter.TotalHits);
        }

        var byScore = RanksByScore(search, hasText);
        var collector = new RelevanceCollector(keep, byScore, scores: byScore || hasText, preferences, search.After);
        searcher.Search(query, collector);
        var ranked = collector.Ranked().Skip(window.Offset).Take(window.Limit).ToArray();
        var hits = ranked.Select(hit => new ListingHit(LoadListing(searcher, hit.Doc), -1, hit.Score)).ToArray();
        var next = ranked.Length > 0 && collector.HitsAfter > window.End
            ? new SearchCursor(byScore ? ranked[^1].Score : 0, 0, collector.IdOf(ranked[^1].Doc), Position(search, window, ranked.Length))
            : null;
        return new ListingSearchPage(hits, collector.TotalHits, Next: next);
    }

    /// <summary>
    /// Distance order, total not needed (skip_exact_total): every listing within a radius ranks
    /// before every listing beyond it, telehealth ones included, so when the listings within a
    /// smaller radius fill the page the page is theirs. Tries <see cref="NarrowerRadii"/> of the
    /// asked radius, then the radius itself without the (often far larger) set of telehealth
    /// listings elsewhere. Null when the shortcut does not apply or nothing inside fills the page;
    /// a filled page says its total is a lower bound.
    /// </summary>
    private ListingSearchPage? InsideRadiusFillsPage(IndexSearcher searcher, ListingSearchQuery search, GeoFilter near, bool hasText, int keep, Window window)
    {
        var byDistance = search.Sort == SearchSort.Distance || (search.Sort == SearchSort.Relevance && !hasText);
        if (!search.SkipExactTotal || !byDistance || keep == 0 || search.HomeVisits == HomeVisits.Only) return null;
        foreach (var fraction in NarrowerRadii)
        {
            var radius = near.RadiusKm * fraction;
            // Home visits from beyond the radius, like telehealth listings, rank after every listing within it.
            if (fraction == 1 && !search.IncludeTelehealth && search.HomeVisits == HomeVisits.Exclude) return null; // the full search is the same query
            var inside = search with { IncludeTelehealth = false, HomeVisits = HomeVisits.Exclude, Near = near with { RadiusKm = radius } };
            var (insideQuery, _) = LuceneListingQuery.Build(inside, _analyzer, _filters);
            var collector = CollectNear(searcher, insideQuery, inside, inside.Near!, hasText, keep);
            // `window.End`, not `keep`: keep is capped at the index size, and a page that takes the whole index is not filled early.
            // Listings are read only for the page returned, not for a radius that falls short.
            // Listings beyond the radius may follow the page, so it always has a next one.
            if (collector.HitsAfter >= window.End) return PageOf(searcher, inside, collector, hasText, window, moreBeyond: true) with { TotalIsLowerBound = true };
        }
        return null;
    }

    /// <summary>Fractions of the asked radius tried in turn: a dense city fills a page of 100 within a few km.</summary>
    private static readonly double[] NarrowerRadii = [1.0 / 16, 1.0 / 4, 1];

    /// <summary>Geo filter: the box-prefiltered query, refined and ordered by exact distance in the collector.</summary>
    private static NearbyListingCollector CollectNear(IndexSearcher searcher, Query query, ListingSearchQuery search, GeoFilter near, bool hasText, int keep, LucenePreferenceScore? preferences = null)
    {
        var byScore = RanksByScore(search, hasText);
        var byDistance = search.Sort != SearchSort.Id;
        var collector = new NearbyListingCollector(near, search.IncludeTelehealth && search.HomeVisits != HomeVisits.Only, byScore, byDistance, keep, preferences, search.After, search.HomeVisits);
        searcher.Search(query, collector);
        return collector;
    }

    /// <summary>
    /// The window of a near search's ranked hits, with their listings read, and where the next page
    /// starts: after the last hit, when more follow it (or may, <paramref name="moreBeyond"/>).
    /// </summary>
    private static ListingSearchPage PageOf(IndexSearcher searcher, ListingSearchQuery search, NearbyListingCollector collector, bool scored, Window window, bool moreBeyond = false)
    {
        var ranked = collector.Ranked().Skip(window.Offset).Take(window.Limit).ToArray();
        var hits = ranked.Select(c => new ListingHit(LoadListing(searcher, collector.TopLevelDoc(c)), c.DistanceKm, scored ? c.Score : 0, c.VisitsYou)).ToArray();
        var next = ranked.Length > 0 && (moreBeyond || collector.HitsAfter > window.End)
            ? new SearchCursor(ranked[^1].Score, ranked[^1].DistanceKm, collector.IdOf(ranked[^1]), Position(search, window, ranked.Length))
            : null;
        return new ListingSearchPage(hits, collector.TotalHits, Next: next);
    }

    /// <summary>How many hits were served up to the end of this page, counting earlier pages.</summary>
    private static int Position(ListingSearchQuery search, Window window, int served) =>
        (int)Math.Min(int.MaxValue, (long)(search.After?.Position ?? 0) + window.Offset + served);

    /// <summary>The hits a search returns: <see cref="Limit"/> of them after the first <see cref="Offset"/> (both at least 0).</summary>
    private readonly record struct Window(int Offset, int Limit)
    {
        /// <summary>How many hits the window needs to exist to be full.</summary>
        public long End => (long)Offset + Limit;
    }

    /// <summary>
    /// A hit's listing encoding from its doc value (or, for an oversized listing, its stored field).
    /// Both hand out a fresh array the caller owns, so it is kept without a copy.
    /// </summary>
    private static ReadOnlyMemory<byte> LoadListing(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var bytes = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(F.ListingValues)?.Get(doc - leaf.DocBase, bytes);
        if (bytes.Length == 0)
        {
            bytes = searcher.Doc(doc, ListingFieldOnly).GetBinaryValue(F.Listing);
        }

        return new ReadOnlyMemory<byte>(bytes.Bytes, bytes.Offset, bytes.Length);
    }

    private void AfterWrite()
    {
        Interlocked.Exchange(ref _lastWriteTimestamp, Stopwatch.GetTimestamp());
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastCommitTimestamp)) >= CommitInterval)
        {
            lock (_commitLock)
            {
                Commit(checkpoint: null, setCheckpoint: false);
            }
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Commits everything written so far; with <paramref name="setCheckpoint"/>, records the checkpoint with it.</summary>
    private void Commit(string? checkpoint, bool setCheckpoint)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (setCheckpoint)
        {
            // Commit data is sticky: later commits carry this checkpoint until the next one is set.
            var data = new Dictionary<string, string> { [SchemaKey] = F.SchemaVersion };
            if (checkpoint is not null) data[CheckpointKey] = checkpoint;
            _writer.SetCommitData(data);
        }

        _writer.Commit();
        Interlocked.Exchange(ref _lastCommitTimestamp, Stopwatch.GetTimestamp());
        if (setCheckpoint)
        {
            Volatile.Write(ref _committedCheckpoint, checkpoint);
        }
    }
}

/// <summary>When <see cref="LuceneListingIndex"/> merges itself into one segment: after a bulk load, once idle.</summary>
/// <param name="AfterWrites">Documents written since the last compaction before one is considered.</param>
/// <param name="WhenIdleFor">How long no write may have arrived (the bulk load is over).</param>
/// <param name="CheckEvery">How often the background task looks.</param>
public sealed record LuceneCompaction(long AfterWrites = 10_000, TimeSpan WhenIdleFor = default, TimeSpan CheckEvery = default)
{
    public TimeSpan WhenIdleFor { get; init; } = WhenIdleFor == default ? TimeSpan.FromSeconds(3) : WhenIdleFor;
    public TimeSpan CheckEvery { get; init; } = CheckEvery == default ? TimeSpan.FromSeconds(1) : CheckEvery;
}

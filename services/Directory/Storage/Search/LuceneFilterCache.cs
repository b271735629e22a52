using System.Collections.Concurrent;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Reusable keyword filters (modality, orientation, language, accepting new clients, …) as
/// <see cref="CachingWrapperFilter"/>s, keyed by the filter query's text. Each caches one compact
/// doc-id set per segment core, so after a near-real-time refresh only new segments are computed
/// again, and deletions are applied through the live docs. Searches mostly repeat the same few
/// filter combinations; when more than <see cref="Capacity"/> distinct ones have been seen the
/// cache simply starts over (the sets are cheap to rebuild, and the bound keeps memory small).
/// </summary>
internal sealed class LuceneFilterCache
{
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    public Filter For(Query filter)
    {
        var key = filter.ToString();
        if (_filters.TryGetValue(key, out var cached)) return cached;
        if (_filters.Count >= Capacity) _filters.Clear();
        return _filters.GetOrAdd(key, _ => new BitSetCachingFilter(new QueryWrapperFilter(filter)));
    }

    /// <summary>
    /// Caches each segment's set as a <see cref="FixedBitSet"/> (maxDoc/8 bytes: 12.5 KB per 100k
    /// documents) instead of a compressed set, because a bit set also answers "is this document in?"
    /// at random: a text query can then walk its own postings and check candidates by bit
    /// (<see cref="LuceneListingQuery"/>) instead of leap-frogging every candidate through its terms.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, Lucene.Net.Index.AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}

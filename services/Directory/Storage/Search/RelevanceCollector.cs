using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The best <c>keep</c> documents by text score, ties broken by listing id (so a page token means
/// the same listings after segments merge), and the total count. It accepts documents out of
/// order, which lets Lucene score a plain text disjunction with its windowed BooleanScorer instead
/// of the heap-merging in-order scorer: the order of arrival does not matter because the tie-break
/// is the id, not the document number. Most documents are rejected on score alone; only a tie with
/// the worst kept one reads the id ordinal (or, across segments, the id bytes).
/// </summary>
internal sealed class RelevanceCollector(int keep) : ICollector
{
    private readonly List<AtomicReaderContext> _segments = [];
    private readonly SegmentIds _ids = new();
    private Scorer? _scorer;
    // Max-heap on the result order: the root is the worst kept hit, evicted first.
    private PriorityQueue<Hit, Hit>? _heap;

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _segments.Add(context);
        _ids.Add(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        if (keep == 0) return;
        var heap = _heap ??= new PriorityQueue<Hit, Hit>(Math.Min(keep, 1_024), Comparer<Hit>.Create((a, b) => Compare(b, a)));
        var hit = new Hit(_scorer!.GetScore(), _segments.Count - 1, doc);
        if (heap.Count < keep)
        {
            heap.Enqueue(hit, hit);
            return;
        }

        var worst = heap.Peek();
        if (hit.Score < worst.Score) return; // the common case: no id is read
        if (hit.Score > worst.Score || CompareIds(hit, worst) < 0) heap.DequeueEnqueue(hit, hit);
    }

    /// <summary>The kept hits, best first, as top-level document numbers with their scores.</summary>
    public List<(int Doc, float Score)> Ranked()
    {
        if (_heap is null) return [];
        var ranked = _heap.UnorderedItems.Select(item => item.Element).ToList();
        ranked.Sort(Compare);
        return ranked.ConvertAll(h => (_segments[h.Segment].DocBase + h.Doc, h.Score));
    }

    private int Compare(Hit a, Hit b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : CompareIds(a, b);

    private int CompareIds(Hit a, Hit b) => _ids.Compare(a.Segment, a.Doc, b.Segment, b.Doc);

    private readonly record struct Hit(float Score, int Segment, int Doc);
}

using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The best <c>keep</c> documents by text score (or, without <c>byScore</c>, by listing id alone),
/// ties broken by listing id (so a page token means
/// the same listings after segments merge), and the total count. It accepts documents out of
/// order, which lets Lucene score a plain text disjunction with its windowed BooleanScorer instead
/// of the heap-merging in-order scorer: the order of arrival does not matter because the tie-break
/// is the id, not the document number. Most documents are rejected on score alone; only a tie with
/// the worst kept one reads the id ordinal (or, across segments, the id bytes).
/// </summary>
/// <param name="keep">How many hits to hold (offset + limit).</param>
/// <param name="byScore">Rank by score first; false ranks by id only (filters without text, or sort by id).</param>
/// <param name="scores">Read each hit's score (to report it); false for queries without text.</param>
/// <param name="preferences">When set, a hit's score is its preference score, not the query's.</param>
/// <param name="after">When set, only hits after this cursor are kept (and counted in <see cref="HitsAfter"/>).</param>
internal sealed class RelevanceCollector(int keep, bool byScore = true, bool scores = true, LucenePreferenceScore? preferences = null, SearchCursor? after = null) : ICollector
{
    private readonly AfterCursor? _after = after is null ? null : new AfterCursor(after, byScore, byDistance: false);
    private LucenePreferenceScore.Segment? _preferences;
    private readonly List<AtomicReaderContext> _segments = [];
    private readonly SegmentIds _ids = new();
    private Scorer? _scorer;
    private int[] _ords = [];
    // Max-heap on the result order: the root is the worst kept hit, evicted first.
    private PriorityQueue<Hit, Hit>? _heap;

    public int TotalHits { get; private set; }

    /// <summary>Hits after the cursor (all of them without one): the page and everything behind it.</summary>
    public int HitsAfter { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _segments.Add(context);
        _ids.Add(context.AtomicReader);
        _ords = SegmentValues.For(context.AtomicReader).IdOrd;
        _preferences = preferences?.For(context);
        _after?.SetSegment(_ids);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        var segment = _segments.Count - 1;
        float score;
        if (byScore)
        {
            score = ReadScore(doc);
            if (_after is { } after && !after.Follows(score, 0, _ords[doc])) return;
            HitsAfter++;
            if (keep == 0) return;
        }
        else
        {
            if (_after is { } after && !after.IdFollows(_ords[doc])) return;
            HitsAfter++;
            if (keep == 0) return;
            // By id alone, most hits lose to the worst kept one on an ordinal compare in this segment.
            if (_heap is { } full && full.Count == keep)
            {
                var last = full.Peek();
                if (last.Segment == segment && _ords[doc] > _ords[last.Doc]) return;
            }
            score = ReadScore(doc);
        }

        var heap = _heap ??= new PriorityQueue<Hit, Hit>(Math.Min(keep, 1_024), Comparer<Hit>.Create((a, b) => Compare(b, a)));
        var hit = new Hit(score, segment, doc);
        if (heap.Count < keep)
        {
            heap.Enqueue(hit, hit);
            return;
        }

        var worst = heap.Peek();
        if (!byScore)
        {
            if (CompareIds(hit, worst) < 0) heap.DequeueEnqueue(hit, hit);
            return;
        }

        if (hit.Score < worst.Score) return; // the common case: no id is read
        if (hit.Score > worst.Score || CompareIds(hit, worst) < 0) heap.DequeueEnqueue(hit, hit);
    }

    private float ReadScore(int doc) => _preferences is { } preferred ? preferred.Score(doc) : scores ? _scorer!.GetScore() : 0f;

    /// <summary>The kept hits, best first, as top-level document numbers with their scores.</summary>
    public List<(int Doc, float Score)> Ranked()
    {
        if (_heap is null) return [];
        var ranked = _heap.UnorderedItems.Select(item => item.Element).ToList();
        ranked.Sort(Compare);
        return ranked.ConvertAll(h => (_segments[h.Segment].DocBase + h.Doc, h.Score));
    }

    /// <summary>The listing id of a hit <see cref="Ranked"/> returned, by its top-level document number.</summary>
    public string IdOf(int topLevelDoc)
    {
        var segment = _segments.FindLastIndex(s => s.DocBase <= topLevelDoc);
        return _ids.Id(segment, topLevelDoc - _segments[segment].DocBase);
    }

    private int Compare(Hit a, Hit b) => byScore && a.Score != b.Score ? b.Score.CompareTo(a.Score) : CompareIds(a, b);

    private int CompareIds(Hit a, Hit b) => _ids.Compare(a.Segment, a.Doc, b.Segment, b.Doc);

    private readonly record struct Hit(float Score, int Segment, int Doc);
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Collects every document the (box-prefiltered) query matches, keeps those within the exact
/// haversine radius, those whose home-visit area covers the centre (when asked), and telehealth ones
/// (when asked), counts them, and holds the best
/// <c>offset + limit</c> in a bounded heap. Distances come from the heap copy of the <c>geo</c> doc
/// values (<see cref="SegmentValues"/>), so nothing is read from disk here. Order: score desc (when ranking by text or by
/// preference, <see cref="LucenePreferenceScore"/>), distance asc with
/// "no location" (-1) last, then id ordinal asc.
/// </summary>
internal sealed class NearbyListingCollector : ICollector, IComparer<NearbyCandidate>
{
    private readonly GeoFilter _near;
    private readonly double _cosLat;
    private readonly bool _includeTelehealth;
    private readonly HomeVisits _homeVisits;
    private readonly bool _byScore;
    private readonly bool _byDistance;
    private readonly int _keep;
    // Max-heap on the result order: the root is the worst kept candidate, evicted first.
    private readonly PriorityQueue<NearbyCandidate, NearbyCandidate> _best;
    private readonly List<AtomicReaderContext> _segments = [];
    private readonly SegmentIds _ids = new();
    private Scorer? _scorer;
    private SegmentValues? _values;
    private readonly LucenePreferenceScore? _preferences;
    private LucenePreferenceScore.Segment? _segmentPreferences;
    private readonly AfterCursor? _after;
    private int[] _ords = [];

    /// <param name="preferences">When set, a candidate's score is its preference score, not the query's.</param>
    /// <param name="after">When set, only candidates after this cursor are kept (and counted in <see cref="HitsAfter"/>).</param>
    /// <param name="homeVisits">Whether a listing whose home-visit area covers the centre is a hit beyond the radius, or the only kind of hit.</param>
    public NearbyListingCollector(GeoFilter near, bool includeTelehealth, bool byScore, bool byDistance, int keep, LucenePreferenceScore? preferences = null, SearchCursor? after = null,
        HomeVisits homeVisits = HomeVisits.Include)
    {
        _homeVisits = homeVisits;
        _after = after is null ? null : new AfterCursor(after, byScore, byDistance);
        _preferences = preferences;
        _near = near;
        _cosLat = GeoDistance.CosLatitude(near.Lat);
        _includeTelehealth = includeTelehealth;
        _byScore = byScore;
        _byDistance = byDistance;
        _keep = keep;
        _best = new PriorityQueue<NearbyCandidate, NearbyCandidate>(Comparer<NearbyCandidate>.Create((a, b) => Compare(b, a)));
    }

    public int TotalHits { get; private set; }

    /// <summary>Candidates after the cursor (all of them without one): the page and everything behind it.</summary>
    public int HitsAfter { get; private set; }

    // Out-of-order scoring visits windows backwards, which defeats the heap's early rejection.
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _segments.Add(context);
        _ids.Add(context.AtomicReader);
        _values = SegmentValues.For(context.AtomicReader);
        _ords = _values.IdOrd;
        _segmentPreferences = _preferences?.For(context);
        _after?.SetSegment(_ids);
    }

    public void Collect(int doc)
    {
        var remote = _includeTelehealth && (_values!.Flags[doc] & SegmentValues.TelehealthFlag) != 0;
        float? preferenceScore = null;
        if (remote && _segmentPreferences is { } preferred && _byScore && _keep > 0 && _best.Count == _keep)
        {
            // A telehealth listing is a hit wherever it is, and one scoring below the worst kept
            // cannot enter: its distance (the costly part, for every telehealth listing far away) is never needed.
            // It follows the cursor too, since every kept candidate does and it scores lower.
            preferenceScore = preferred.Score(doc);
            if (preferenceScore < _best.Peek().Score)
            {
                TotalHits++;
                HitsAfter++;
                return;
            }
        }

        var distance = _values!.NearestDistanceKm(doc, _near.Lat, _near.Lon, _cosLat, out var visits);
        var inside = _homeVisits != HomeVisits.Only && distance >= 0 && distance <= _near.RadiusKm;
        if (!inside && !remote && !(visits && _homeVisits != HomeVisits.Exclude))
        {
            return;
        }

        TotalHits++;
        var score = !_byScore ? 0f : preferenceScore ?? _segmentPreferences?.Score(doc) ?? _scorer?.GetScore() ?? 0f;
        if (_after is { } after && !after.Follows(score, distance, _ords[doc]))
        {
            return;
        }

        HitsAfter++;
        if (_keep == 0)
        {
            return;
        }

        var candidate = new NearbyCandidate(score, distance, _segments.Count - 1, doc, visits);
        if (_best.Count < _keep)
        {
            _best.Enqueue(candidate, candidate);
        }
        else if (Compare(candidate, _best.Peek()) < 0)
        {
            _best.DequeueEnqueue(candidate, candidate);
        }
    }

    /// <summary>The kept candidates, best first.</summary>
    public List<NearbyCandidate> Ranked()
    {
        var ranked = _best.UnorderedItems.Select(item => item.Element).ToList();
        ranked.Sort(this);
        return ranked;
    }

    /// <summary>The listing id of a kept candidate.</summary>
    public string IdOf(NearbyCandidate candidate) => _ids.Id(candidate.Segment, candidate.Doc);

    /// <summary>The candidate's document id in the top-level reader.</summary>
    public int TopLevelDoc(NearbyCandidate candidate) => _segments[candidate.Segment].DocBase + candidate.Doc;

    public int Compare(NearbyCandidate a, NearbyCandidate b)
    {
        if (_byScore && a.Score != b.Score)
        {
            return b.Score.CompareTo(a.Score);
        }

        if (_byDistance && a.DistanceKm != b.DistanceKm)
        {
            // -1 (no location) sorts after every real distance.
            return a.DistanceKm < 0 ? 1 : b.DistanceKm < 0 ? -1 : a.DistanceKm.CompareTo(b.DistanceKm);
        }

        return CompareIds(a, b);
    }

    private int CompareIds(NearbyCandidate a, NearbyCandidate b) => _ids.Compare(a.Segment, a.Doc, b.Segment, b.Doc);
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The candidates of a near search: the documents of the geo box (its cells, or the range box for
/// a continent-sized radius), plus every telehealth listing when the search includes them, plus the
/// listings whose home-visit cells hold the centre, that are in the cached keyword bit set and pass
/// the per-request checks.
/// <para>
/// The sets are combined a word (64 documents) at a time: the box's fresh bit set is OR-ed with the
/// cached telehealth set and AND-ed with the cached keyword set, and only the documents left are
/// visited, for deletions and the checks from doc values. Before, the box led and each of its
/// documents was tested by bit; with telehealth that meant walking a disjunction over every
/// telehealth listing of the index (a third of it) to keep the few a sought modality lets through
/// (profiled under uncached FindMatches: Lucene's filtered iteration was a fifth of Directory's CPU).
/// Earlier still, as a conjunction (keyword set with checks ∧ box), the two leap-frogged and ran
/// the checks on keyword documents the box then skipped.
/// </para>
/// </summary>
/// <param name="box">
/// The geo box; null when only home visits count. Its doc-id set is modified in place, so it must be one built for this call
/// (<see cref="Lucene.Net.Queries.TermsFilter"/> and <see cref="QueryWrapperFilter"/> do), never a cached one.
/// </param>
/// <param name="telehealth">The cached set of telehealth listings, when the search includes them wherever they are.</param>
/// <param name="visits">The listings with a home-visit cell holding the centre, when home visits count (a superset: the collector checks the radius).</param>
/// <param name="keywords">The cached keyword filters' set (modality, language, accepting new clients, ...).</param>
/// <param name="checks">The per-request checks (exchange terms, last confirmed).</param>
internal sealed class NearCandidatesFilter(Filter? box, Filter? telehealth, Filter? visits, Filter? keywords, RequestChecksFilter? checks) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        // Cached sets carry no deletions; they are applied while the survivors are visited.
        var candidates = box?.GetDocIdSet(context, null) is { } inBox ? OwnedBits(inBox, maxDoc) : null;
        candidates = Or(candidates, telehealth?.GetDocIdSet(context, null), maxDoc);
        candidates = Or(candidates, visits?.GetDocIdSet(context, null), maxDoc);
        if (candidates is null) return null;

        if (keywords is not null)
        {
            var set = keywords.GetDocIdSet(context, null);
            if (set is null) return null;
            if (set is FixedBitSet keywordBits) candidates.And(keywordBits);
            else if (set.GetIterator() is { } iterator) candidates.And(iterator);
            else return null;
        }

        var check = checks?.CheckFor(context.AtomicReader);
        return acceptDocs is null && check is null ? candidates : new Candidates(candidates, acceptDocs, check);
    }

    public override string ToString() => $"NearCandidates({box}, {telehealth}, {visits}, {keywords}, {checks})";

    private static FixedBitSet? Or(FixedBitSet? candidates, DocIdSet? more, int maxDoc)
    {
        if (more is null) return candidates;
        candidates ??= new FixedBitSet(maxDoc);
        if (more is FixedBitSet bits) candidates.Or(bits);
        else if (more.GetIterator() is { } iterator) candidates.Or(iterator);
        return candidates;
    }

    /// <summary>The box's set as a bit set this call may change: the set itself when the filter built one, else a copy.</summary>
    private static FixedBitSet? OwnedBits(DocIdSet set, int maxDoc)
    {
        if (set is FixedBitSet bits) return bits;
        if (set.GetIterator() is not { } iterator) return null;
        var copy = new FixedBitSet(maxDoc);
        copy.Or(iterator);
        return copy;
    }

    private sealed class Candidates(DocIdSet survivors, IBits? acceptDocs, RequestChecksFilter.SegmentCheck? check) : FilteredDocIdSet(survivors)
    {
        protected override bool Match(int docid) =>
            (acceptDocs is null || acceptDocs.Get(docid)) && (check is null || check.Match(docid));
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The candidates of a near search: the documents of the geo box (its cells, or the box or
/// telehealth) that are in the cached keyword bit set and pass the per-request checks. The box
/// leads and each of its documents is tested once, by bit and from doc values. As a conjunction
/// (keyword set with checks ∧ box) the two leap-frogged: every advance of the checked keyword set
/// ran the checks on each keyword document it stepped over on its way to the next box document,
/// most of which the box then skipped (profiled under FindMatches: a seventh of Directory's CPU).
/// </summary>
internal sealed class NearCandidatesFilter(Filter box, Filter? keywords, RequestChecksFilter? checks) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var inBox = box.GetDocIdSet(context, acceptDocs);
        if (inBox is null) return null;
        IBits? keywordBits = null;
        if (keywords is not null)
        {
            // Deletions are applied by the box (acceptDocs), so the cached set is asked for as is.
            var set = keywords.GetDocIdSet(context, null);
            if (set is null) return null;
            keywordBits = set.Bits ?? AsBits(set, context.AtomicReader.MaxDoc);
        }

        var check = checks?.CheckFor(context.AtomicReader);
        return keywordBits is null && check is null ? inBox : new Candidates(inBox, keywordBits, check);
    }

    public override string ToString() => $"NearCandidates({box}, {keywords}, {checks})";

    /// <summary>A set without random access (not one <see cref="LuceneFilterCache"/> makes) as a bit set.</summary>
    private static FixedBitSet AsBits(DocIdSet set, int maxDoc)
    {
        var bits = new FixedBitSet(maxDoc);
        if (set.GetIterator() is { } iterator) bits.Or(iterator);
        return bits;
    }

    private sealed class Candidates(DocIdSet inBox, IBits? keywordBits, RequestChecksFilter.SegmentCheck? check) : FilteredDocIdSet(inBox)
    {
        protected override bool Match(int docid) =>
            (keywordBits is null || keywordBits.Get(docid)) && (check is null || check.Match(docid));
    }
}

using Lucene.Net.Index;
using Lucene.Net.Util;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The listing ids (<c>id_sort</c> doc values) of the segments a collector has visited, for the id
/// tie-break: within a segment the heap copy of the ordinals (<see cref="SegmentValues"/>), which
/// follow the byte order of the ids; across segments the id bytes are compared.
/// </summary>
internal sealed class SegmentIds
{
    private readonly List<(int[] Ords, SortedDocValues? Values)> _ids = [];
    private readonly BytesRef _left = new();
    private readonly BytesRef _right = new();

    /// <summary>Adds the next segment; its index is the number of segments added before it.</summary>
    public void Add(AtomicReader reader) => _ids.Add((SegmentValues.For(reader).IdOrd, reader.GetSortedDocValues(F.IdSort)));

    /// <summary>The listing id of a document in an added segment.</summary>
    public string Id(int segment, int doc)
    {
        var (ords, values) = _ids[segment];
        if (values is null || ords[doc] < 0) return "";
        values.LookupOrd(ords[doc], _left);
        return _left.Utf8ToString();
    }

    /// <summary>
    /// The lowest ordinal of the last added segment whose id sorts after <paramref name="id"/>: a
    /// document there follows that id exactly when its ordinal is at least this.
    /// </summary>
    public int FirstOrdinalAfter(string id)
    {
        var values = _ids[^1].Values;
        if (values is null) return 0;
        var ord = values.LookupTerm(new BytesRef(id));
        return ord >= 0 ? ord + 1 : -ord - 1;
    }

    /// <summary>Orders two documents by listing id (0 when a segment has no ids).</summary>
    public int Compare(int leftSegment, int leftDoc, int rightSegment, int rightDoc)
    {
        var (leftOrds, leftIds) = _ids[leftSegment];
        if (leftSegment == rightSegment) return leftOrds[leftDoc].CompareTo(leftOrds[rightDoc]);
        var (rightOrds, rightIds) = _ids[rightSegment];
        if (leftIds is null || rightIds is null) return 0;
        leftIds.LookupOrd(leftOrds[leftDoc], _left);
        rightIds.LookupOrd(rightOrds[rightDoc], _right);
        return _left.CompareTo(_right);
    }
}

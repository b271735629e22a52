using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The current text score of one listing under a query, or null when the listing no longer matches.
/// It must run with the same <see cref="AcceptsDocsOutOfOrder"/> as the collector that ranks the page:
/// that picks Lucene's scorer, and two scorers may sum the same clauses in a different order, so a
/// tie compared against a score from the other would be off by a rounding step.
/// </summary>
internal sealed class ListingScoreCollector(string id, bool acceptsDocsOutOfOrder) : ICollector
{
    private readonly BytesRef _id = new(id);
    private Scorer? _scorer;
    private int[] _ords = [];
    private int _ord = -1;

    public float? Score { get; private set; }

    public bool AcceptsDocsOutOfOrder => acceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _ords = SegmentValues.For(context.AtomicReader).IdOrd;
        _ord = context.AtomicReader.GetSortedDocValues(F.IdSort) is { } ids ? ids.LookupTerm(_id) : -1;
    }

    public void Collect(int doc)
    {
        if (_ord >= 0 && _ords[doc] == _ord) Score = _scorer!.GetScore();
    }
}

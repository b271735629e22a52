using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The filters that change with every request — exchange terms (fee ceiling and currency, barter
/// categories, time bank) and "confirmed since" — checked in one pass from doc values on the
/// documents a base set lets through (the cached keyword filters, or every live document). One
/// predicate per candidate replaces a conjunction of disjunction scorers that each had to be
/// advanced per candidate (measured: that machinery cost more than the text scoring).
/// </summary>
internal sealed class RequestChecksFilter(Filter? keywords, TermsFilter? terms, DateTimeOffset? confirmedSince) : Filter
{
    private readonly TermsFilter? _terms = terms;
    private readonly long? _confirmedSinceMs = confirmedSince?.ToUnixTimeMilliseconds();
    private readonly long _currency = terms?.Currency is { Length: > 0 } c ? F.CurrencyCode(c) : 0;
    private readonly string[] _barter = terms?.BarterCategories.Distinct(StringComparer.Ordinal).ToArray() ?? [];

    /// <summary>Null when the request has nothing to check per candidate.</summary>
    public static Filter? For(Filter? keywords, ListingSearchQuery search)
    {
        var terms = search.Terms is { } t && (t.MaxFee is not null || t.BarterCategories.Count > 0 || t.TimeBank) ? t : null;
        if (terms is null && search.ConfirmedSince is null) return keywords;
        return new RequestChecksFilter(keywords, terms, search.ConfirmedSince);
    }

    /// <summary>The request's checks alone (no base set), for a caller that tests its own candidates; null when there are none.</summary>
    public static RequestChecksFilter? ChecksOf(ListingSearchQuery search) => For(null, search) as RequestChecksFilter;

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var inner = keywords is null ? new AllDocs(reader.MaxDoc, acceptDocs) : keywords.GetDocIdSet(context, acceptDocs);
        if (inner is null) return null;
        return new Checked(inner, CheckFor(reader));
    }

    /// <summary>The checks on one segment's documents.</summary>
    public SegmentCheck CheckFor(AtomicReader reader) => new(this, reader);

    public override string ToString() => $"RequestChecks({keywords}, {_terms}, {confirmedSince})";

    /// <summary>One segment's checks, on the heap copies of its doc values (<see cref="SegmentValues"/>).</summary>
    internal sealed class SegmentCheck
    {
        private readonly RequestChecksFilter _filter;
        private readonly SegmentValues _values;
        private readonly long[] _barterOrds;

        public SegmentCheck(RequestChecksFilter filter, AtomicReader reader)
        {
            _filter = filter;
            _values = SegmentValues.For(reader);
            var barter = filter._barter.Length > 0 ? reader.GetSortedSetDocValues(F.BarterValues) : null;
            _barterOrds = barter is null ? [] : filter._barter.Select(b => barter.LookupTerm(new BytesRef(b))).Where(o => o >= 0).ToArray();
        }

        public bool Match(int doc)
        {
            if (_filter._confirmedSinceMs is { } since && _values.LastConfirmedMs[doc] < since) return false;
            return _filter._terms is null || TermsMatch(doc);
        }

        /// <summary>Any given alternative holds (see <see cref="TermsFilter"/>).</summary>
        private bool TermsMatch(int doc)
        {
            var terms = _filter._terms!;
            if (terms.MaxFee is { } maxFee && _values.FeeMinEffective[doc] <= maxFee
                && (_filter._currency == 0 || _values.Currency[doc] == _filter._currency))
                return true;
            if (terms.TimeBank && (_values.Flags[doc] & SegmentValues.TimeBankFlag) != 0) return true;
            return _barterOrds.Length > 0 && _values.HasBarter(doc, _barterOrds);
        }
    }

    private sealed class Checked(DocIdSet inner, SegmentCheck check) : FilteredDocIdSet(inner)
    {
        protected override bool Match(int docid) => check.Match(docid);
    }

    /// <summary>Every live document of a segment, in order.</summary>
    private sealed class AllDocs(int maxDoc, IBits? acceptDocs) : DocIdSet
    {
        public override DocIdSetIterator GetIterator() => new Iterator(maxDoc, acceptDocs);

        private sealed class Iterator(int maxDoc, IBits? acceptDocs) : DocIdSetIterator
        {
            private int _doc = -1;

            public override int DocID => _doc;

            public override int NextDoc() => Advance(_doc + 1);

            public override int Advance(int target)
            {
                for (_doc = target; _doc < maxDoc; _doc++)
                    if (acceptDocs is null || acceptDocs.Get(_doc)) return _doc;
                return _doc = NO_MORE_DOCS;
            }

            public override long GetCost() => maxDoc;
        }

        public override IBits Bits => acceptDocs ?? new Lucene.Net.Util.Bits.MatchAllBits(maxDoc);
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The preference score of <see cref="SearchSort.Preference"/>: a listing's score is the sum of the
/// weights of the preferences it meets. Each preference is a keyword filter from the
/// <see cref="LuceneFilterCache"/> (a <see cref="FixedBitSet"/> per segment, shared by every search
/// that prefers the same values), so the collectors score a hit with one bit test per preference.
/// <para>
/// Why not SHOULD clauses in the query: with constant-score SHOULD clauses boosted by the weights
/// (the first version), every candidate was advanced through one disjunction scorer per preference;
/// measured on 30k synthetic listings that made Matching's candidate searches 5–12× dearer in CPU
/// (telehealth-only 125 → 1,480 µs, near with telehealth 288 → 1,905 µs). The bit tests give the
/// same scores.
/// </para>
/// </summary>
internal sealed class LucenePreferenceScore
{
    private readonly Filter[] _filters;
    private readonly float[] _weights;

    public LucenePreferenceScore(IReadOnlyList<Preference> preferences, LuceneFilterCache cache)
    {
        _filters = preferences.Select(p => cache.For(LuceneListingQuery.PreferenceFilter(p))).ToArray();
        _weights = preferences.Select(p => p.Weight).ToArray();
    }

    /// <summary>The score on one segment's documents.</summary>
    public Segment For(AtomicReaderContext context)
    {
        var bits = new FixedBitSet?[_filters.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            // No accept docs: only documents the query matched are scored, and those are live. The
            // cache holds a FixedBitSet per segment, or an empty set (null bits) when none matches.
            bits[i] = _filters[i].GetDocIdSet(context, null)?.Bits switch
            {
                null => null,
                FixedBitSet set => set,
                var other => Copy(other, context.AtomicReader.MaxDoc), // not from this cache; never expected
            };
        }

        return new Segment(bits, _weights);
    }

    private static FixedBitSet Copy(IBits bits, int maxDoc)
    {
        var copy = new FixedBitSet(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (bits.Get(doc)) copy.Set(doc);
        }

        return copy;
    }

    /// <summary>One segment's preference sets; a null set has no document meeting that preference.</summary>
    internal sealed class Segment(FixedBitSet?[] bits, float[] weights)
    {
        /// <summary>The summed weight (added in double, as Lucene's disjunctions and Elasticsearch's bool queries do).</summary>
        public float Score(int doc)
        {
            var score = 0d;
            for (var i = 0; i < bits.Length; i++)
            {
                if (bits[i] is { } set && set.Get(doc)) score += weights[i];
            }

            return (float)score;
        }
    }
}

using Lucene.Net.Search.Similarities;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Scoring for <see cref="SearchSort.Preference"/>: the default similarity without query
/// normalisation (query norm 1), so a constant-score clause scores exactly its boost and the
/// preference score is the plain sum of the weights met, the same number Elasticsearch computes
/// for its <c>constant_score</c> clauses. Text under this order has boost 0 and scores nothing.
/// </summary>
internal sealed class PreferenceSimilarity : DefaultSimilarity
{
    public static readonly PreferenceSimilarity Instance = new();

    public override float QueryNorm(float sumOfSquaredWeights) => 1f;
}

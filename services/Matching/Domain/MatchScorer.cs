using HealingNetwork.Matching.Domain.Components;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// score = (Σ weightᵢ × valueᵢ) × freshness, with weights normalised to sum 1 and freshness 1 for a
/// listing its owner confirmed recently, <see cref="StalePenalty"/> for a stale one. Every
/// component is returned with its value, weight and contribution; the reasons come from the
/// components, strongest contribution first. Ranking ties break by listing id.
/// </summary>
public sealed class MatchScorer(IReadOnlyList<IScoreComponent> components)
{
    public const double StalePenalty = 0.7;

    public static MatchScorer Default { get; } = new(
        [new LifestyleFit(), new ModalityFit(), new DistanceDecay(), new TermsFit(), new AvailabilityFit(), new ApproachFit()]);

    public ScoredMatch Score(MatchContext context, MatchWeights normalisedWeights) =>
        Score(context, name => MatchWeightsResolver.WeightOf(normalisedWeights, name));

    /// <summary>Scores with weights looked up by component name (they must sum to 1).</summary>
    public ScoredMatch Score(MatchContext context, Func<string, double> weightOf)
    {
        var parts = new List<(ScoreComponent Component, IReadOnlyList<string> Reasons)>(components.Count + 1);
        foreach (var component in components)
        {
            var result = component.Evaluate(context);
            var weight = weightOf(component.Name);
            parts.Add((new ScoreComponent
            {
                Name = component.Name,
                RawValue = result.Value,
                Weight = weight,
                Contribution = result.Value * weight,
                Explanation = result.Explanation,
            }, result.Reasons));
        }
        var stale = context.Listing.Stale;
        var freshness = stale ? StalePenalty : 1.0;
        var score = Math.Clamp(parts.Sum(p => p.Component.Contribution) * freshness, 0, 1);

        var reasons = parts.OrderByDescending(p => p.Component.Contribution).SelectMany(p => p.Reasons).ToList();
        if (stale) reasons.Add("Not reconfirmed by the practitioner recently: details may be out of date (ranked lower)");
        var all = parts.Select(p => p.Component).Append(new ScoreComponent
        {
            Name = "freshness",
            RawValue = freshness,
            Weight = 0,
            Contribution = 0,
            Explanation = stale ? $"stale listing: score × {StalePenalty}" : "confirmed recently: score × 1",
        }).ToArray();
        return new ScoredMatch(context.Listing.Id, score, all, reasons);
    }

    /// <summary>Best first; equal scores by listing id, so the ranking is the same everywhere.</summary>
    public static IEnumerable<T> Rank<T>(IEnumerable<T> items, Func<T, ScoredMatch> scored) =>
        items.OrderByDescending(i => Math.Round(scored(i).Score, 9)).ThenBy(i => scored(i).ListingId, StringComparer.Ordinal);
}

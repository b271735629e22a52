using HealingNetwork.Matching.Domain.Components;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// Referral score: respect 0.5, distance 0.2, terms 0.15, availability 0.15 (fixed, shown to the
/// client). Orientation is deliberately absent: a good cardiologist need not be nature-oriented.
/// Distance is <see cref="DistanceDecay.Referral"/>: in person inside the radius never scores
/// below telehealth from afar.
/// </summary>
public static class ReferralScorer
{
    private static readonly IReadOnlyList<(IScoreComponent Component, double Weight)> Parts =
    [
        (new RespectFit(), 0.5), (DistanceDecay.Referral, 0.2), (new TermsFit(), 0.15), (new AvailabilityFit(), 0.15),
    ];

    public static MatchScorer Scorer { get; } = new(Parts.Select(p => p.Component).ToArray());

    public static ScoredMatch Score(MatchContext context) => Scorer.Score(context, WeightOf);

    public static double WeightOf(string component) => Parts.FirstOrDefault(p => p.Component.Name == component).Weight;
}

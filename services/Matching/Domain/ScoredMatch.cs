using HealingNetwork.Matching.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>A listing's score, every component and the reasons, before ranking.</summary>
public sealed record ScoredMatch(string ListingId, double Score, IReadOnlyList<ScoreComponent> Components, IReadOnlyList<string> Reasons);

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>One factor of a match score. Pure: the same context always gives the same value.</summary>
public interface IScoreComponent
{
    /// <summary>Name shown to clients and used for weights: lifestyle, modality, distance, terms, availability, approach.</summary>
    string Name { get; }

    ComponentScore Evaluate(MatchContext context);
}

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// One factor of a match score. Pure: the same context always gives the same value.
/// <see cref="Value"/> is the number alone and allocates nothing (every candidate is scored);
/// <see cref="Evaluate"/> adds the explanation and reasons (only the matches shown are explained)
/// and its value is always exactly <see cref="Value"/>.
/// </summary>
public interface IScoreComponent
{
    /// <summary>Name shown to clients and used for weights: lifestyle, modality, distance, terms, availability, approach.</summary>
    string Name { get; }

    /// <summary>The component's value in [0,1].</summary>
    double Value(MatchContext context);

    /// <summary>The value with how it came about and the reasons a client reads.</summary>
    ComponentScore Evaluate(MatchContext context);
}

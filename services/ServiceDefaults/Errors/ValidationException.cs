namespace HealingNetwork.ServiceDefaults.Errors;

/// <summary>A request broke one or more rules; becomes INVALID_ARGUMENT with a BadRequest.</summary>
public sealed class ValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception(Summarise(violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public ValidationException(string field, string description)
        : this([new FieldViolation(field, description)]) { }

    private static string Summarise(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 1
            ? $"{violations[0].Field}: {violations[0].Description}"
            : $"{violations.Count} invalid fields, first {violations[0].Field}: {violations[0].Description}";
}

using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// Why a REST request could not become its request message, in the client's terms: a message,
/// and the offending field when one can be named.
/// </summary>
public sealed record RequestReadError(string Message, FieldViolation? Violation)
{
    /// <summary>Transcoding refused the request but no rule here explains it.</summary>
    public static RequestReadError Unexplained { get; } = new(
        "The request could not be read; compare it with the API description at /openapi.json.", null);

    public static RequestReadError Of(FieldViolation violation) =>
        new($"{violation.Field}: {violation.Description}", violation);
}

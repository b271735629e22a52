using Grpc.Core;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.ServiceDefaults.Identity;

/// <summary>
/// Who is calling: the <c>sub</c> claim of the validated bearer token. A subject becomes an owner id
/// and a key in the store, so one that is empty, longer than <see cref="MaxSubjectLength"/>, or holds
/// spaces or control characters names nobody: the call is treated as unsigned (a token with
/// <c>"sub": ""</c> once created listings and profiles owned by "").
/// </summary>
public static class CallerIdentity
{
    public const string SubjectClaim = "sub";

    /// <summary>Longer than the subjects identity providers issue (Auth0, Entra ID, Google: under 100).</summary>
    public const int MaxSubjectLength = 255;

    /// <summary>The caller's subject, or null for an anonymous call or an unusable subject.</summary>
    public static string? CallerId(this ServerCallContext context) =>
        Subject(context) is { } subject && IsUsable(subject) ? subject : null;

    /// <summary>The caller's subject; UNAUTHENTICATED when there is none or it is unusable.</summary>
    public static string RequireCaller(this ServerCallContext context) => Subject(context) switch
    {
        null => throw new DomainException(StatusCode.Unauthenticated, "Sign in: this call needs a bearer token."),
        var subject when !IsUsable(subject) => throw new DomainException(StatusCode.Unauthenticated,
            $"Sign in again: the token's subject (sub) must be 1 to {MaxSubjectLength} characters without spaces or control characters."),
        var subject => subject,
    };

    public static bool IsUsable(string subject) =>
        subject.Length is > 0 and <= MaxSubjectLength && !subject.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static string? Subject(ServerCallContext context) => context.GetHttpContext().User.FindFirst(SubjectClaim)?.Value;
}

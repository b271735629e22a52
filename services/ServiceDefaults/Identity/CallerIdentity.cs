using Grpc.Core;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.ServiceDefaults.Identity;

/// <summary>Who is calling: the `sub` claim of the validated bearer token.</summary>
public static class CallerIdentity
{
    public const string SubjectClaim = "sub";

    /// <summary>The caller's subject, or null for an anonymous call.</summary>
    public static string? CallerId(this ServerCallContext context) =>
        context.GetHttpContext().User.FindFirst(SubjectClaim)?.Value;

    /// <summary>The caller's subject; UNAUTHENTICATED when there is none.</summary>
    public static string RequireCaller(this ServerCallContext context) =>
        context.CallerId() ?? throw new DomainException(StatusCode.Unauthenticated, "Sign in: this call needs a bearer token.");
}

using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// A route's authorization policy refused the request: REST callers get the usual 401/403 with
/// WWW-Authenticate; gRPC callers get UNAUTHENTICATED/PERMISSION_DENIED as a proper gRPC status,
/// the same answer the services themselves give.
/// </summary>
public sealed class GrpcAwareAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _rest = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (GrpcStatusResponse.IsGrpc(context.Request))
        {
            if (authorizeResult.Challenged)
                return GrpcStatusResponse.WriteAsync(context, StatusCode.Unauthenticated, "Sign in: this call needs a bearer token.");
            if (authorizeResult.Forbidden)
                return GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied, "This call is not allowed for the signed-in user.");
        }
        return _rest.HandleAsync(next, context, policy, authorizeResult);
    }
}

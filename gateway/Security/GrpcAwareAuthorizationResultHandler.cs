using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// A route's authorization policy refused the request. REST callers get 401 with WWW-Authenticate,
/// and a JSON body in the same status shape the services answer with ({"code":16,"message":…}), so
/// a client reads why the same way wherever the refusal came from; gRPC callers get
/// UNAUTHENTICATED/PERMISSION_DENIED as a proper gRPC status. Either way the message says what is
/// wrong with the token (<see cref="SignInProblem"/>).
/// </summary>
public sealed class GrpcAwareAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _rest = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (GrpcStatusResponse.IsGrpc(context.Request))
        {
            if (authorizeResult.Challenged)
            {
                await GrpcStatusResponse.WriteAsync(context, StatusCode.Unauthenticated, await SignInProblem.DescribeAsync(context));
                return;
            }
            if (authorizeResult.Forbidden)
            {
                await GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied, "This call is not allowed for the signed-in user.");
                return;
            }
        }
        // The challenge sets 401 and WWW-Authenticate (with the validator's error code) and writes no body.
        await _rest.HandleAsync(next, context, policy, authorizeResult);
        if (authorizeResult.Challenged && context.Response is { StatusCode: StatusCodes.Status401Unauthorized, HasStarted: false } response)
        {
            await response.WriteAsJsonAsync(new
            {
                code = (int)StatusCode.Unauthenticated,
                message = await SignInProblem.DescribeAsync(context),
                details = Array.Empty<object>(),
            });
        }
    }
}

using Grpc.Core;
using HealingNetwork.Gateway.Security;

namespace HealingNetwork.Gateway;

/// <summary>
/// Answers every request that no route, endpoint or page file claims with 404 (gRPC callers:
/// UNIMPLEMENTED), token or not. Without it the authorization fallback policy would judge
/// unmatched requests too, and an anonymous caller would get 401 for a path that does not
/// exist, as if it existed and were protected.
/// </summary>
public static class UnknownRouteEndpoint
{
    private const string Message = "Nothing is served at this path.";

    public static WebApplication MapUnknownRoutes(this WebApplication app)
    {
        // A fallback endpoint matches only after every proxy route and mapped endpoint failed to.
        // "{**path}" rather than MapFallback's default "{*path:nonfile}", so /missing.js is
        // answered like /missing instead of falling through to the authorization policy.
        app.MapFallback("{**path}", (HttpContext context) => GrpcStatusResponse.IsGrpc(context.Request)
                ? GrpcStatusResponse.WriteAsync(context, StatusCode.Unimplemented, Message)
                : Results.Json(new { code = (int)StatusCode.NotFound, message = Message, details = Array.Empty<object>() },
                    statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context))
            .AllowAnonymous();
        return app;
    }
}

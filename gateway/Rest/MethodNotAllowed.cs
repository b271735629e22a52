using Grpc.Core;

namespace HealingNetwork.Gateway.Rest;

/// <summary>
/// A REST request for a path the API serves, with a method it does not serve there, is answered 405
/// with an Allow header naming the methods that path takes, before authorization: like a path nothing
/// serves (404, see UnknownRouteEndpoint), no token would make it work, so none is asked for. Without
/// this, such a request matched no proxy route and fell to the 404 fallback, or matched a catch-all
/// route and was forwarded to the service, which serves no such method there either.
/// </summary>
public sealed class MethodNotAllowed(RequestDelegate next, RestRoutes routes)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (Security.GrpcStatusResponse.IsGrpc(context.Request)) return next(context);
        var allowed = routes.MethodsAt(context.Request.Path.Value ?? "");
        if (allowed.Count == 0 || allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)) return next(context);

        var allow = string.Join(", ", allowed);
        context.Response.Headers.Allow = allow;
        return Results.Json(new
            {
                code = (int)StatusCode.Unimplemented,
                message = $"{context.Request.Method} is not served at this path; it takes {allow}.",
                details = Array.Empty<object>(),
            },
            statusCode: StatusCodes.Status405MethodNotAllowed).ExecuteAsync(context);
    }
}

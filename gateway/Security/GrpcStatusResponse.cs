using Grpc.Core;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// Answers a gRPC request from the gateway itself, as a trailers-only response (HTTP 200 with
/// grpc-status in the headers). gRPC clients then see the precise status and message instead of
/// a generic "Bad gRPC response. HTTP status code: 401" they would derive from a bare HTTP error.
/// </summary>
public static class GrpcStatusResponse
{
    /// <summary>gRPC (and gRPC-Web) requests carry an application/grpc* content type.</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, StatusCode status, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = GrpcStatusMessage.Encode(message);
        return response.CompleteAsync();
    }
}

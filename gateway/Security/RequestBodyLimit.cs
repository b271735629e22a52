using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// Refuses request bodies over the limit (Kestrel:Limits:MaxRequestBodySize, 1 MiB) before they
/// reach a service: 413 for REST, RESOURCE_EXHAUSTED for gRPC. Bodies that announce their length
/// are refused up front; streamed bodies are cut off by the server's own limit while read, and
/// the proxy's failure is translated the same way (<see cref="ProxyBodyLimitErrors"/>).
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IConfiguration configuration)
{
    public const long DefaultMaxBytes = 1024 * 1024;
    private readonly long _maxBytes = configuration.GetValue("Kestrel:Limits:MaxRequestBodySize", DefaultMaxBytes);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _maxBytes) return RefuseAsync(context, _maxBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = _maxBytes;
        return next(context);
    }

    public static Task RefuseAsync(HttpContext context, long maxBytes)
    {
        var message = $"Request body larger than {maxBytes} bytes.";
        if (GrpcStatusResponse.IsGrpc(context.Request))
            return GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted, message);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.Response.WriteAsJsonAsync(new { code = 8, message });
    }
}

using Yarp.ReverseProxy.Forwarder;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// A streamed (chunked) body is cut off by the server's limit while YARP copies it to the service.
/// YARP answers that with a bare 413 (it takes the status from Kestrel's BadHttpRequestException) and
/// no body; callers should get the same 413 / RESOURCE_EXHAUSTED status body as a body refused up front
/// for its Content-Length (<see cref="RequestBodyLimit"/>).
/// </summary>
public static class ProxyBodyLimitErrors
{
    public static IReverseProxyApplicationBuilder UseBodyLimitErrors(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.Features.Get<IForwarderErrorFeature>();
            if (!context.Response.HasStarted && error is { Error: ForwarderError.RequestBodyClient } && IsBodyTooLarge(error.Exception))
            {
                context.Response.Clear();
                await RequestBodyLimit.RefuseAsync(context, context.RequestServices.GetRequiredService<IConfiguration>()
                    .GetValue("Kestrel:Limits:MaxRequestBodySize", RequestBodyLimit.DefaultMaxBytes));
            }
        });
        return proxy;
    }

    /// <summary>
    /// YARP reports a failed request body wrapped together with the send failure it caused (an
    /// AggregateException of both), so the server's 413 is looked for among the inner exceptions.
    /// </summary>
    private static bool IsBodyTooLarge(Exception? exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsBodyTooLarge),
        { InnerException: { } inner } => IsBodyTooLarge(inner),
        _ => false,
    };
}

using Yarp.ReverseProxy.Forwarder;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// YARP reports a request body the server cut off for size as a generic client error (400);
/// callers should see 413 / RESOURCE_EXHAUSTED instead, like any other oversize request.
/// </summary>
public static class ProxyBodyLimitErrors
{
    public static IReverseProxyApplicationBuilder UseBodyLimitErrors(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.Features.Get<IForwarderErrorFeature>();
            if (!context.Response.HasStarted && error?.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                await RequestBodyLimit.RefuseAsync(context, context.RequestServices.GetRequiredService<IConfiguration>()
                    .GetValue("Kestrel:Limits:MaxRequestBodySize", RequestBodyLimit.DefaultMaxBytes));
        });
        return proxy;
    }
}

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// Browser hardening for everything the gateway answers over HTTP (page, scripts, REST JSON):
/// only our own origin may supply scripts, styles and data; the page cannot be framed; no
/// content sniffing; no referrer leaks (URLs can hold listing and profile ids).
/// The page therefore has no inline script or style: everything lives in wwwroot files.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (!GrpcStatusResponse.IsGrpc(context.Request))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}

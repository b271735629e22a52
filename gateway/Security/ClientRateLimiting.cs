using System.Threading.RateLimiting;
using Grpc.Core;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// The built-in ASP.NET Core rate limiter as one global, per-client limiter. Runs after
/// authentication so a signed-in client is limited by identity rather than by address
/// (many people can share one NAT address). Rejections are 429 for REST and RESOURCE_EXHAUSTED
/// for gRPC.
/// </summary>
public static class ClientRateLimiting
{
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ClientRateLimitOptions>().BindConfiguration(ClientRateLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        // Health probes come from the orchestrator, not from clients.
        if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive"))
            return RateLimitPartition.GetNoLimiter("probes");
        var options = context.RequestServices.GetRequiredService<IOptions<ClientRateLimitOptions>>().Value;
        return RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = options.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static string ClientKey(HttpContext context) =>
        context.User.FindFirst(CallerIdentity.SubjectClaim)?.Value is { } sub
            ? "sub:" + sub
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (GrpcStatusResponse.IsGrpc(context.Request))
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted, "Too many requests: slow down and retry.");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.Response.WriteAsJsonAsync(new { code = 8, message = "Too many requests: slow down and retry." }, cancellationToken);
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealingNetwork.Gateway;

/// <summary>The gateway is ready when every service behind it answers its own /health.</summary>
public sealed class ServiceHealthCheck(IHttpClientFactory clients, string service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{service}/health")
            {
                Version = System.Net.HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            using var response = await clients.CreateClient("health").SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{service}: {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"{service} unreachable", ex);
        }
    }
}

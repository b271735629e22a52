using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace HealingNetwork.ServiceDefaults.Storage;

/// <summary>
/// One multiplexer per process for `ConnectionStrings:redis` (embedded Garnet or any Redis).
/// It connects in the background and reconnects by itself, so a store restart is survived.
/// </summary>
public static class RedisRegistration
{
    public const string ConnectionName = "redis";

    public static IHostApplicationBuilder AddRedisStore(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not configured.");
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => Connect(connectionString));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }

    public static ConnectionMultiplexer Connect(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 5000;
        options.SyncTimeout = 5000;
        options.AsyncTimeout = 5000;
        return ConnectionMultiplexer.Connect(options);
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:F1} ms");
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("store unreachable", ex);
            }
        }
    }
}

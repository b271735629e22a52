using ProtoService = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealingNetwork.ServiceDefaults.Resilience;

/// <summary>
/// Registers a gRPC client for a call to another HealingNetwork service. Its resilience:
/// <see cref="IdempotentRetryPolicy"/> retries reads only, callers set deadlines, and a circuit
/// breaker per downstream address (<see cref="DownstreamCircuitBreakers"/>) stops calling a
/// service that keeps failing. The standard HTTP resilience handler that service defaults put on
/// every HttpClient is removed here, because it would retry any POST — i.e. every gRPC write — on
/// a broken connection and cut long calls with its own attempt timeout.
/// </summary>
public static class InternalGrpcClientRegistration
{
    /// <summary>The longest wait between reconnect attempts to a service that is down.</summary>
    public static readonly TimeSpan ReconnectBackoffCap = TimeSpan.FromSeconds(2);

    public static IHttpClientBuilder AddInternalGrpcClient<TClient>(this IServiceCollection services, Uri address, ProtoService service)
        where TClient : ClientBase
    {
        services.AddOptions<CircuitBreakerSettings>().BindConfiguration("Resilience:CircuitBreaker");
        services.TryAddSingleton<DownstreamCircuitBreakers>();
        var downstream = address.Authority;
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; it is the documented way to opt a client out.
        return services.AddGrpcClient<TClient>(o => o.Address = address)
            .ConfigureChannel(o =>
            {
                o.ServiceConfig = IdempotentRetryPolicy.For(service);
                // grpc-dotnet fails calls at once while it cannot connect, and reconnects with backoff
                // (default up to 120 s). Capped here so a restarted service is used again within ~2 s.
                o.MaxReconnectBackoff = ReconnectBackoffCap;
            })
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler(sp => new CircuitBreakerHandler(sp.GetRequiredService<DownstreamCircuitBreakers>().For(downstream), downstream));
#pragma warning restore EXTEXP0001
    }
}

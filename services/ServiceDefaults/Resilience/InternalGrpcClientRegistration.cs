using ProtoService = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace HealingNetwork.ServiceDefaults.Resilience;

/// <summary>
/// Registers a gRPC client for a call to another HealingNetwork service. Its resilience is gRPC's
/// own: <see cref="IdempotentRetryPolicy"/> retries reads only, and callers set deadlines. The
/// standard HTTP resilience handler that service defaults put on every HttpClient is removed here,
/// because it would retry any POST — i.e. every gRPC write — on a broken connection and cut long
/// calls with its own attempt timeout.
/// </summary>
public static class InternalGrpcClientRegistration
{
    public static IHttpClientBuilder AddInternalGrpcClient<TClient>(this IServiceCollection services, Uri address, ProtoService service)
        where TClient : ClientBase
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; it is the documented way to opt a client out.
        return services.AddGrpcClient<TClient>(o => o.Address = address)
            .ConfigureChannel(o => o.ServiceConfig = IdempotentRetryPolicy.For(service))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}

using Grpc.AspNetCore.Server;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealingNetwork.ServiceDefaults.Hosting;

/// <summary>gRPC server set-up shared by the services: error mapping, limits, REST, reflection, health.</summary>
public static class GrpcServiceRegistration
{
    /// <summary>Largest request a service accepts; bigger ones get RESOURCE_EXHAUSTED.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    public static IGrpcServerBuilder AddHealingGrpc(this IHostApplicationBuilder builder)
    {
        var grpc = builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<TranscodedCallMarker>();
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.MaxReceiveMessageSize = MaxRequestBytes;
            options.EnableDetailedErrors = false;
        });
        // REST clients get the same rich error details as gRPC clients.
        grpc.AddJsonTranscoding(o => o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
            Google.Rpc.BadRequest.Descriptor, Google.Rpc.RetryInfo.Descriptor, Google.Rpc.ErrorInfo.Descriptor));
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck("grpc", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        return grpc;
    }

    /// <summary>
    /// REST requests that transcoding cannot read get INVALID_ARGUMENT naming the field, not
    /// grpc-dotnet's exception text (see <see cref="JsonRequestErrorMiddleware"/>). Call before
    /// the endpoints run, in every service that calls <see cref="AddHealingGrpc"/>.
    /// </summary>
    public static IApplicationBuilder UseJsonRequestErrors(this IApplicationBuilder app) =>
        app.UseMiddleware<JsonRequestErrorMiddleware>();
}

using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// Interceptors run only once grpc-dotnet has built the request message, so reaching one
/// proves a transcoded REST request was readable. Marks <see cref="TranscodedCall"/>; a plain
/// gRPC call has no such feature and passes untouched.
/// </summary>
public sealed class TranscodedCallMarker : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(request, responseStream, context);
    }

    private static void Mark(ServerCallContext context) =>
        context.GetHttpContext().Features.Get<TranscodedCall>()?.MarkHandlerReached();
}

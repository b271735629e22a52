using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using RpcStatus = Google.Rpc.Status;

namespace HealingNetwork.ServiceDefaults.Errors;

/// <summary>
/// The single place where exceptions become gRPC statuses. Validation failures carry a
/// google.rpc.BadRequest naming every field; a store outage is UNAVAILABLE with RetryInfo;
/// nothing unexpected leaks a message or stack trace to the client.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Map(ex, context); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Map(ex, context); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Map(ex, context); }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(requestStream, responseStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Map(ex, context); }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        switch (ex)
        {
            case ValidationException v:
                return ToRpc(Code.InvalidArgument, v.Message, new BadRequest
                {
                    FieldViolations =
                    {
                        v.Violations.Select(f => new BadRequest.Types.FieldViolation { Field = f.Field, Description = f.Description }),
                    },
                });
            case DomainException d:
                return new RpcException(new Grpc.Core.Status(d.Code, d.Message));
            case RedisConnectionException or RedisTimeoutException or TimeoutException:
                logger.LogWarning(ex, "Store unavailable during {Method}", context.Method);
                return ToRpc(Code.Unavailable, "The data store is unavailable; retry shortly.",
                    new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) });
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Grpc.Core.Status(
                    context.Deadline <= DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled,
                    "The call was cancelled or its deadline passed."));
            default:
                logger.LogError(ex, "Unhandled error in {Method}", context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "An internal error occurred."));
        }
    }

    private static RpcException ToRpc(Code code, string message, Google.Protobuf.IMessage detail) =>
        new RpcStatus { Code = (int)code, Message = message, Details = { Any.Pack(detail) } }.ToRpcException();
}

using Grpc.Core;
using Grpc.Net.Client;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.Support;

/// <summary>
/// gRPC calls through the gateway with request bytes exactly as given: a
/// <see cref="Method{TRequest,TResponse}"/> of byte arrays, so tests can send bytes no generated
/// client would (invalid UTF-8, unknown enum numbers, truncated or garbage messages).
/// </summary>
public sealed class GatewayGrpc(GrpcChannel channel)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <param name="authorization">The authorization header as sent; null sends none.</param>
    public async Task<CallOutcome> UnaryAsync(string service, string method, byte[] request, string? authorization)
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, Bytes, Bytes);
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(call, null, Options(authorization), request);
            return CallOutcome.Ok;
        }
        catch (RpcException ex) { return CallOutcome.From(ex); }
    }

    /// <summary>A client-streaming call sending each message in turn.</summary>
    public async Task<CallOutcome> ClientStreamingAsync(string service, string method, IEnumerable<byte[]> requests, string? authorization)
    {
        var call = new Method<byte[], byte[]>(MethodType.ClientStreaming, service, method, Bytes, Bytes);
        try
        {
            using var streaming = channel.CreateCallInvoker().AsyncClientStreamingCall(call, null, Options(authorization));
            foreach (var request in requests) await streaming.RequestStream.WriteAsync(request);
            await streaming.RequestStream.CompleteAsync();
            await streaming.ResponseAsync;
            return CallOutcome.Ok;
        }
        catch (RpcException ex) { return CallOutcome.From(ex); }
    }

    /// <summary>A bidirectional call sending each message in turn while reading every answer.</summary>
    public async Task<CallOutcome> DuplexStreamingAsync(string service, string method, IEnumerable<byte[]> requests, string? authorization)
    {
        var call = new Method<byte[], byte[]>(MethodType.DuplexStreaming, service, method, Bytes, Bytes);
        try
        {
            using var streaming = channel.CreateCallInvoker().AsyncDuplexStreamingCall(call, null, Options(authorization));
            var answers = ReadToEndAsync(streaming.ResponseStream);
            try
            {
                foreach (var request in requests) await streaming.RequestStream.WriteAsync(request);
                await streaming.RequestStream.CompleteAsync();
            }
            catch (InvalidOperationException) { } // the server already ended the call: its status comes from the answers
            catch (RpcException) { }
            await answers;
            return CallOutcome.Ok;
        }
        catch (RpcException ex) { return CallOutcome.From(ex); }
    }

    private static async Task ReadToEndAsync(IAsyncStreamReader<byte[]> answers)
    {
        while (await answers.MoveNext()) { }
    }

    public static string Bearer(string subject) => "Bearer " + Tokens.For(subject);

    private static CallOptions Options(string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null) headers.Add("authorization", authorization);
        return new CallOptions(headers, DateTime.UtcNow + Deadline);
    }
}

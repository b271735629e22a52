using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>
/// Unary calls whose response the load loop does not use: the response's bytes are received in
/// full but not decoded, as h2load and ghz do. The load generator shares the two cores with the
/// system it measures, and decoding a 20-match FindMatches answer (~50 KB of explanations) cost
/// it ~0.15 ms per call — CPU the system then did not have, charged to the workload but not to
/// the no-op baseline (whose answer is a few hundred bytes). Every <see cref="CheckEvery"/>-th
/// response is decoded as the method's response type, so a path that answered garbage would
/// still fail the run (the deserializer throws, the call ends in an error).
/// </summary>
public static class UndecodedCalls
{
    public const int CheckEvery = 64;

    /// <summary>The size of an answer that was received and not decoded.</summary>
    public sealed record Received(int Bytes);

    /// <summary>A call of <paramref name="service"/>'s unary method <paramref name="name"/> on <paramref name="invoker"/>.</summary>
    public static Func<TRequest, CallOptions, Task<Received>> Unary<TRequest>(CallInvoker invoker, ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>
    {
        var descriptor = service.FindMethodByName(name) ?? throw new ArgumentException($"{service.FullName} has no method {name}", nameof(name));
        if (descriptor.IsClientStreaming || descriptor.IsServerStreaming) throw new ArgumentException($"{name} is not unary", nameof(name));
        var responseParser = descriptor.OutputType.Parser;
        long received = 0;

        var requests = Marshallers.Create<TRequest>(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            _ => throw new NotSupportedException("requests are only sent"));
        var responses = Marshallers.Create<Received>(
            (_, _) => throw new NotSupportedException("responses are only received"),
            context =>
            {
                if (Interlocked.Increment(ref received) % CheckEvery == 0) responseParser.ParseFrom(context.PayloadAsReadOnlySequence());
                return new Received(context.PayloadLength);
            });
        var method = new Method<TRequest, Received>(MethodType.Unary, service.FullName, name, requests, responses);
        return async (request, options) => await invoker.AsyncUnaryCall(method, null, options, request);
    }
}

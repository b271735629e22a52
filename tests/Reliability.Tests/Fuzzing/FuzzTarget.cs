using Google.Protobuf;
using Grpc.Core;

namespace HealingNetwork.Reliability.Tests.Fuzzing;

/// <summary>One RPC of the public contract and a valid request for it that the fuzzer mutates.</summary>
public sealed record FuzzTarget(string Service, string Method, IMessage Valid, MethodType Type = MethodType.Unary)
{
    /// <summary>The client sends a stream of requests (client-streaming or bidirectional).</summary>
    public bool StreamsRequests => Type is MethodType.ClientStreaming or MethodType.DuplexStreaming;
}

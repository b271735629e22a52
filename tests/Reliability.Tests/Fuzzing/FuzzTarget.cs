using Google.Protobuf;

namespace HealingNetwork.Reliability.Tests.Fuzzing;

/// <summary>One RPC of the public contract and a valid request for it that the fuzzer mutates.</summary>
public sealed record FuzzTarget(string Service, string Method, IMessage Valid, bool ClientStreaming = false);

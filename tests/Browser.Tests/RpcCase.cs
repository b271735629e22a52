using Grpc.Core;

namespace HealingNetwork.Browser.Tests;

/// <summary>One RPC of the matrix: who may call it, and the call against alice's things.</summary>
public sealed record RpcCase(string Name, Access Access, Func<MatrixWorld, Metadata, Task> Call);

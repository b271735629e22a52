namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>How a gRPC case is judged.</summary>
public enum CaseKind
{
    /// <summary>Parses as the request message: the handler must answer with a deliberate status.</summary>
    WellFormed,
    /// <summary>Bytes that do not parse as the request message: grpc-dotnet refuses them before any handler.</summary>
    Unparseable,
    /// <summary>Larger than the 1 MiB message limit: RESOURCE_EXHAUSTED.</summary>
    Oversize,
}

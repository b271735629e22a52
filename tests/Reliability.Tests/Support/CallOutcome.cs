using Google.Rpc;
using Grpc.Core;

namespace HealingNetwork.Reliability.Tests.Support;

/// <summary>What one gRPC call came back with: the status, its message, and whether it named field violations.</summary>
public sealed record CallOutcome(StatusCode Code, string Message, bool HasFieldViolations)
{
    public static CallOutcome Ok { get; } = new(StatusCode.OK, "", false);

    public static CallOutcome From(RpcException ex)
    {
        var violations = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Count > 0;
        return new CallOutcome(ex.StatusCode, ex.Status.Detail, violations);
    }

    /// <summary>The status grpc-dotnet gives bytes it cannot parse into the request message, before any handler runs.</summary>
    public bool IsUnparseableRefusal => Code == StatusCode.Unknown && Message.Contains("Exception was thrown by handler", StringComparison.Ordinal);
}

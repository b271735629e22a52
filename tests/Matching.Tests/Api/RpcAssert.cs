using Google.Rpc;
using Grpc.Core;

namespace HealingNetwork.Matching.Tests.Api;

/// <summary>Assertions on gRPC failures as a client sees them.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>INVALID_ARGUMENT whose BadRequest names <paramref name="field"/>.</summary>
    public static async Task InvalidField(string field, Func<Task> call)
    {
        var ex = await FailsWith(StatusCode.InvalidArgument, call);
        var details = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(details);
        Assert.Contains(details!.FieldViolations, v => v.Field == field);
    }
}

using Google.Rpc;
using Grpc.Core;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>Assertions on the status a client sees.</summary>
public static class Rpc
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"Expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>The request is refused with INVALID_ARGUMENT and a BadRequest naming <paramref name="field"/>.</summary>
    public static async Task<BadRequest> InvalidField(string field, Func<Task> call)
    {
        var ex = await FailsWith(StatusCode.InvalidArgument, call);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(field, badRequest.FieldViolations.Select(f => f.Field));
        return badRequest;
    }
}

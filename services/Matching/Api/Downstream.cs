using Grpc.Core;

namespace HealingNetwork.Matching.Api;

/// <summary>
/// Call options for Directory and Profiles: the caller's token forwarded (profiles are owner-only),
/// the incoming deadline propagated but never longer than <see cref="MaxDeadline"/>, and the
/// incoming cancellation, so a dependency that hangs gives DEADLINE_EXCEEDED, not a hung call.
/// </summary>
public static class Downstream
{
    public static readonly TimeSpan MaxDeadline = TimeSpan.FromSeconds(5);

    public static CallOptions Options(ServerCallContext context)
    {
        var headers = new Metadata();
        var authorization = context.RequestHeaders.GetValue("authorization");
        if (authorization is not null) headers.Add("authorization", authorization);
        var cap = DateTime.UtcNow + MaxDeadline;
        var deadline = context.Deadline < cap ? context.Deadline : cap;
        return new CallOptions(headers, deadline, context.CancellationToken);
    }
}

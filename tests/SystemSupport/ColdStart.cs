using Grpc.Core;

namespace HealingNetwork.Testing.System;

/// <summary>
/// The first read through a system that has just started, as a client makes it: a service that is
/// still compiling its code paths can take longer than the 5 s a service gives its downstream calls
/// (README, Resilience), so that read may end in DEADLINE_EXCEEDED (seen in CI at load average 37:
/// Matching's first SearchListings to a cold Directory). A client retries such a read; so does a
/// test, a few times, before it asserts what the answer says.
/// </summary>
public static class ColdStart
{
    private const int Attempts = 4;

    public static async Task<T> ReadAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ResponseAsync;
            }
            catch (RpcException ex) when (attempt < Attempts && ex.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}

using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace HealingNetwork.ServiceDefaults.Resilience;

/// <summary>
/// gRPC client retries for calls between services: only methods that read (Get*, Search*, List*,
/// Export*) are retried, at most 3 attempts, on UNAVAILABLE, with exponential backoff that
/// grpc-dotnet jitters (each delay is random in [0, current backoff]). Writes are never retried
/// — a write that reached the server before the connection broke must not be applied twice —
/// so they get no method config at all. The caller's deadline still bounds every attempt together.
/// </summary>
public static class IdempotentRetryPolicy
{
    public const int MaxAttempts = 3;

    private static readonly string[] ReadPrefixes = ["Get", "Search", "List", "Export"];

    /// <summary>True for methods that only read and may be sent again safely.</summary>
    public static bool IsIdempotent(MethodDescriptor method) =>
        !method.IsClientStreaming && ReadPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>A service config with one retrying method config naming every idempotent method of the services.</summary>
    public static ServiceConfig For(params ServiceDescriptor[] services)
    {
        var retry = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = MaxAttempts,
                InitialBackoff = TimeSpan.FromMilliseconds(200),
                MaxBackoff = TimeSpan.FromSeconds(1),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var service in services)
            foreach (var method in service.Methods.Where(IsIdempotent))
                retry.Names.Add(new MethodName { Service = service.FullName, Method = method.Name });
        return new ServiceConfig { MethodConfigs = { retry } };
    }
}

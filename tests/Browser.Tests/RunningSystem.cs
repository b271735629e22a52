using System.Globalization;
using HealingNetwork.Testing;
using Grpc.Net.Client;
using SharedSystem = HealingNetwork.Testing.System.RunningSystem;

namespace HealingNetwork.Browser.Tests;

/// <summary>
/// The whole system as the AppHost starts it (tests/SystemSupport), as an xunit class fixture
/// with the gateway's rate limit a test class can raise. One per test class: start-up costs seconds.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    private SharedSystem? _system;

    private SharedSystem System => _system ?? throw new InvalidOperationException("not started");

    /// <summary>REST and the web page (HTTP/1.1).</summary>
    public Uri GatewayHttp => new($"http://127.0.0.1:{System.GatewayHttpPort}");

    /// <summary>gRPC (HTTP/2 cleartext).</summary>
    public Uri GatewayGrpc => new($"http://127.0.0.1:{System.GatewayGrpcPort}");

    /// <summary>Sustained requests per second per client at the gateway; tests that hammer raise it.</summary>
    protected virtual int PermitsPerSecond => 100;

    public static string Token(string sub) => Tokens.For(sub);

    public GrpcChannel Channel() => GrpcChannel.ForAddress(GatewayGrpc);

    public virtual async Task InitializeAsync() =>
        _system = await SharedSystem.StartAsync(settings: new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerSecond"] = PermitsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:Burst"] = PermitsPerSecond.ToString(CultureInfo.InvariantCulture),
        });

    public virtual async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}

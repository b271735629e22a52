using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using HealingNetwork.Testing;

namespace HealingNetwork.Testing.System;

/// <summary>
/// The AppHost started by Aspire's testing builder on free ports with its own data folder: the
/// embedded store, the three services and the gateway, exactly as `dotnet run --project apphost`.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    public const string SigningKey = Tokens.SigningKey;

    private readonly DistributedApplication _app;

    private readonly IReadOnlyDictionary<string, int> _ports;

    public int GatewayHttpPort => _ports["GatewayHttp"];
    public int GatewayGrpcPort => _ports["GatewayGrpc"];
    public string DataRoot { get; }

    private RunningSystem(DistributedApplication app, IReadOnlyDictionary<string, int> ports, string dataRoot)
    {
        _app = app;
        _ports = ports;
        DataRoot = dataRoot;
    }

    /// <summary>Starts the system; <paramref name="extraArgs"/> are AppHost configuration overrides (`--Key=value`).</summary>
    public static async Task<RunningSystem> StartAsync(
        string? dataRoot = null, CancellationToken cancellationToken = default, IReadOnlyList<string>? extraArgs = null)
    {
        dataRoot ??= Path.Combine(Path.GetTempPath(), "healing-e2e", Guid.NewGuid().ToString("N"));
        var ports = new[] { "Store", "GatewayHttp", "GatewayGrpc", "directory", "profiles", "matching", "directoryHealth", "profilesHealth", "matchingHealth" }
            .ToDictionary(name => name, _ => TestStore.FreePort());
        string[] args =
        [
            $"--DataRoot={dataRoot}",
            $"--Auth:SigningKey={SigningKey}",
            "--Directory:SeedListings=0",
            .. ports.Select(p => $"--Ports:{p.Key}={p.Value}"),
            .. extraArgs ?? [],
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args, cancellationToken);
        var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        return new RunningSystem(app, ports, dataRoot);
    }

    /// <summary>A service's own HTTP/2 port (directory, profiles, matching), bypassing the gateway.</summary>
    public int ServicePort(string service) => _ports[service];

    /// <summary>gRPC to the gateway's single address (HTTP/2 cleartext).</summary>
    public GrpcChannel GatewayChannel() => GrpcChannel.ForAddress($"http://127.0.0.1:{GatewayGrpcPort}");

    /// <summary>REST to the gateway.</summary>
    public HttpClient GatewayHttp() => new() { BaseAddress = new Uri($"http://127.0.0.1:{GatewayHttpPort}") };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

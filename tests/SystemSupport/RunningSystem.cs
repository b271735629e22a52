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

    public int GatewayHttpPort { get; }
    public int GatewayGrpcPort { get; }
    public string DataRoot { get; }

    private RunningSystem(DistributedApplication app, int http, int grpc, string dataRoot)
    {
        _app = app;
        GatewayHttpPort = http;
        GatewayGrpcPort = grpc;
        DataRoot = dataRoot;
    }

    /// <param name="configure">Changes to the model before it starts (e.g. a resource's environment).</param>
    public static async Task<RunningSystem> StartAsync(
        string? dataRoot = null, CancellationToken cancellationToken = default, Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        dataRoot ??= Path.Combine(Path.GetTempPath(), "healing-e2e", Guid.NewGuid().ToString("N"));
        var http = TestStore.FreePort();
        var grpc = TestStore.FreePort();
        string[] args =
        [
            $"--DataRoot={dataRoot}",
            $"--Auth:SigningKey={SigningKey}",
            "--Directory:SeedListings=0",
            $"--Ports:Store={TestStore.FreePort()}",
            $"--Ports:GatewayHttp={http}",
            $"--Ports:GatewayGrpc={grpc}",
            $"--Ports:directory={TestStore.FreePort()}",
            $"--Ports:profiles={TestStore.FreePort()}",
            $"--Ports:matching={TestStore.FreePort()}",
            $"--Ports:directoryHealth={TestStore.FreePort()}",
            $"--Ports:profilesHealth={TestStore.FreePort()}",
            $"--Ports:matchingHealth={TestStore.FreePort()}",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args, cancellationToken);
        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        return new RunningSystem(app, http, grpc, dataRoot);
    }

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

using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using HealingNetwork.ServiceDefaults.Identity;

namespace HealingNetwork.Browser.Tests;

/// <summary>
/// The whole system as the AppHost starts it (store, three services, gateway) on free ports with
/// an empty data folder and a known signing key. One per test class: start-up costs seconds.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    public const string SigningKey = "browser-tests-signing-key-0123456789abcdef";
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "healing-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly int _httpPort = FreePort.Next(), _grpcPort = FreePort.Next();
    private DistributedApplication? _app;

    /// <summary>REST and the web page (HTTP/1.1).</summary>
    public Uri GatewayHttp => new($"http://127.0.0.1:{_httpPort}");

    /// <summary>gRPC (HTTP/2 cleartext).</summary>
    public Uri GatewayGrpc => new($"http://127.0.0.1:{_grpcPort}");

    /// <summary>Sustained requests per second per client at the gateway; tests that hammer raise it.</summary>
    protected virtual int PermitsPerSecond => 100;

    public static string Token(string sub) => DevTokenIssuer.Mint(SigningKey, sub);

    public GrpcChannel Channel() => GrpcChannel.ForAddress(GatewayGrpc);

    public virtual async Task InitializeAsync()
    {
        string Arg(string key, object value) => $"--{key}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            Arg("Ports:GatewayHttp", _httpPort), Arg("Ports:GatewayGrpc", _grpcPort), Arg("Ports:Store", FreePort.Next()),
            Arg("Ports:directory", FreePort.Next()), Arg("Ports:profiles", FreePort.Next()), Arg("Ports:matching", FreePort.Next()),
            Arg("Ports:directoryHealth", FreePort.Next()), Arg("Ports:profilesHealth", FreePort.Next()), Arg("Ports:matchingHealth", FreePort.Next()),
            Arg("DataRoot", _dataRoot), Arg("Auth:SigningKey", SigningKey), Arg("Directory:SeedListings", 0),
            Arg("RateLimiting:PermitsPerSecond", PermitsPerSecond), Arg("RateLimiting:Burst", PermitsPerSecond),
        ]);
        _app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _app.StartAsync(startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try { System.IO.Directory.Delete(_dataRoot, recursive: true); } catch (IOException) { } // the store may still hold a file for a moment
    }
}

using System.Net;
using System.Net.Sockets;
using HealingNetwork.ServiceDefaults.Storage;
using HealingNetwork.Store;
using StackExchange.Redis;

namespace HealingNetwork.Availability.Tests.Storage;

/// <summary>
/// A real store for the tests: embedded Garnet on a free port in a temp folder, or the Redis at
/// REDIS_URL (e.g. "127.0.0.1:6379", as CI runs redis-server). Tests use fresh listing ids, so
/// they never see each other's keys.
/// </summary>
public sealed class StoreFixture : IDisposable
{
    private readonly EmbeddedStore? _garnet;
    private readonly string? _dataDirectory;

    public string ConnectionString { get; }
    public ConnectionMultiplexer Redis { get; }
    public string Backend => _garnet is null ? "redis" : "garnet";

    public StoreFixture()
    {
        var url = Environment.GetEnvironmentVariable("REDIS_URL");
        if (string.IsNullOrEmpty(url))
        {
            _dataDirectory = Path.Combine(Path.GetTempPath(), "avail-tests-" + Guid.NewGuid().ToString("N"));
            var port = FreePort();
            _garnet = new EmbeddedStore(port, _dataDirectory);
            _garnet.Start();
            url = $"127.0.0.1:{port}";
        }
        ConnectionString = url;
        Redis = RedisRegistration.Connect(url);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Redis.Dispose();
        _garnet?.Dispose();
        if (_dataDirectory is not null)
        {
            try { System.IO.Directory.Delete(_dataDirectory, recursive: true); }
            catch (IOException) { /* Garnet may still be closing a file; the temp folder is harmless. */ }
        }
    }
}

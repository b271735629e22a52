using System.Net;
using System.Net.Sockets;
using HealingNetwork.Store;
using StackExchange.Redis;

namespace HealingNetwork.Testing;

/// <summary>
/// The store the tests run against: Debian's redis-server (or any Redis) when REDIS_URL is set,
/// otherwise an embedded Garnet on a free port with its data in a temp folder. One per test
/// process; tests isolate themselves by using fresh ids.
/// </summary>
public sealed class TestStore : IDisposable
{
    private static readonly Lazy<TestStore> Shared = new(() => new TestStore());
    private readonly EmbeddedStore? _garnet;

    public static TestStore Instance => Shared.Value;

    /// <summary>StackExchange.Redis connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>"redis" or "garnet", for test output.</summary>
    public string Kind { get; }

    public ConnectionMultiplexer Connection { get; }

    private TestStore()
    {
        var url = Environment.GetEnvironmentVariable("REDIS_URL");
        if (!string.IsNullOrEmpty(url))
        {
            ConnectionString = url;
            Kind = "redis";
        }
        else
        {
            var port = FreePort();
            var dir = Path.Combine(Path.GetTempPath(), "healing-tests", Guid.NewGuid().ToString("N"));
            _garnet = new EmbeddedStore(port, dir);
            _garnet.Start();
            ConnectionString = $"127.0.0.1:{port}";
            Kind = "garnet";
        }
        Connection = ConnectionMultiplexer.Connect(ConnectionString + ",allowAdmin=true");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Connection.Dispose();
        _garnet?.Dispose();
    }
}

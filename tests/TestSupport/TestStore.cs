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
    private readonly string? _garnetDir;

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
            _garnetDir = TempFolder.New("healing-tests");
            _garnet = new EmbeddedStore(port, _garnetDir);
            _garnet.Start();
            ConnectionString = $"127.0.0.1:{port}";
            Kind = "garnet";
        }
        Connection = ConnectionMultiplexer.Connect(ConnectionString + ",allowAdmin=true");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    // Next candidate port; a random start keeps parallel test processes apart.
    private static int _nextPort = Random.Shared.Next(0, PortRangeSize);
    private const int PortRangeStart = 20_000, PortRangeSize = 12_000;

    /// <summary>
    /// A port that is free now, chosen below the kernel's ephemeral range (32768–60999): a port the
    /// kernel handed out (port 0) is also what it gives to outgoing connections, and one of those took
    /// a service's port between this check and the service binding it (AddressInUse at start-up).
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = PortRangeStart + (int)((uint)Interlocked.Increment(ref _nextPort) % PortRangeSize);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }
    }

    public void Dispose()
    {
        Connection.Dispose();
        _garnet?.Dispose();
        if (_garnetDir is not null) TempFolder.DeleteQuietly(_garnetDir);
    }
}

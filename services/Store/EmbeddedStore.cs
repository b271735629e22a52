using Garnet;

namespace HealingNetwork.Store;

/// <summary>
/// Garnet running in this process with its data folder on disk: checkpoints plus an append-only
/// file, recovered on start. With commit wait (the store process's default) a write is
/// acknowledged only after its AOF record is fsynced, so every acknowledged write survives kill -9
/// and power loss. Without it (in-process test stores) the AOF is committed right after the reply.
/// </summary>
public sealed class EmbeddedStore : IDisposable
{
    private readonly GarnetServer _server;

    public int Port { get; }
    public string DataDirectory { get; }

    public EmbeddedStore(int port, string dataDirectory, bool commitWait = false, string bindAddress = "127.0.0.1")
    {
        Port = port;
        DataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(DataDirectory);
        _server = new GarnetServer(Arguments(port, DataDirectory, commitWait, bindAddress));
    }

    /// <summary>The Garnet command line this store runs with (documented in the README).</summary>
    public static string[] Arguments(int port, string dataDirectory, bool commitWait, string bindAddress)
    {
        var args = new List<string>
        {
            "--bind", bindAddress,
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--checkpointdir", Path.Combine(dataDirectory, "checkpoints"),
            "--aof",
            "--recover",
            "--lua", "true",
            "--device-type", "RandomAccess",
        };
        if (commitWait) args.Add("--aof-commit-wait");
        return [.. args];
    }

    public void Start() => _server.Start();

    public void Dispose() => _server.Dispose();
}

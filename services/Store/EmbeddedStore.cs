using System.Globalization;
using Garnet;

namespace HealingNetwork.Store;

/// <summary>
/// Garnet running in this process with its data folder on disk: checkpoints plus an append-only
/// file, recovered on start. With commit wait (the store process's default) a write is
/// acknowledged only after its AOF record is fsynced, so every acknowledged write survives kill -9
/// and power loss. Without it (in-process test stores) the AOF is committed right after the reply.
/// <para>
/// Memory is bounded and nothing is dropped. Garnet keeps records in a log of which at most
/// <see cref="StoreMemory.LogMemory"/> stays in memory; without a storage tier the records that fall
/// off its head are gone (a key written early, never rewritten, is silently lost once enough newer
/// writes follow), and with the default 16 GB limit the process grows until then. So the log is
/// tiered to <c>{data}/log</c>: older records are flushed there and read back on demand. Lookup
/// compaction copies the live records of the oldest log segments forward once
/// <see cref="CompactionSegments"/> of them are on disk, a checkpoint every
/// <see cref="CheckpointSeconds"/> s lets the files that compaction emptied and the AOF before it
/// be deleted, and expired keys (cached matches, lapsed holds) are removed every minute rather than
/// when next read. The hash index starts at 16 MB (about a million keys at half load) and doubles
/// as it fills, up to 512 MB; the AOF is buffered in 32 MB of 8 MB pages (Garnet's default took 128 MB).
/// </para>
/// </summary>
public sealed class EmbeddedStore : IDisposable
{
    /// <summary>Seconds between background checkpoints.</summary>
    public const int CheckpointSeconds = 300;

    /// <summary>Log segments on disk before compaction runs (each <see cref="SegmentSize"/>).</summary>
    public const int CompactionSegments = 8;

    private const string SegmentSize = "64m";

    private readonly GarnetServer _server;

    public int Port { get; }
    public string DataDirectory { get; }

    public EmbeddedStore(int port, string dataDirectory, bool commitWait = false, string bindAddress = "127.0.0.1", StoreMemory? memory = null)
    {
        Port = port;
        DataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(DataDirectory);
        _server = new GarnetServer(Arguments(port, DataDirectory, commitWait, bindAddress, memory ?? StoreMemory.Default));
    }

    /// <summary>The Garnet command line this store runs with (documented in the README).</summary>
    public static string[] Arguments(int port, string dataDirectory, bool commitWait, string bindAddress, StoreMemory memory)
    {
        var args = new List<string>
        {
            "--bind", bindAddress,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--checkpointdir", Path.Combine(dataDirectory, "checkpoints"),
            "--storage-tier",
            "--logdir", Path.Combine(dataDirectory, "log"),
            "--memory", memory.LogMemory,
            "--page", memory.PageSize,
            "--segment", SegmentSize,
            "--index", "16m",
            "--index-max-size", "512m",
            "--compaction-type", "Lookup",
            "--compaction-freq", "60",
            "--compaction-max-segments", CompactionSegments.ToString(CultureInfo.InvariantCulture),
            "--checkpoint-freq", CheckpointSeconds.ToString(CultureInfo.InvariantCulture),
            "--expired-key-deletion-scan-freq", "60",
            "--aof",
            "--aof-memory", "32m",
            "--aof-page-size", "8m", // at least twice the log's page (StoreMemory.PageSize)
            "--aof-segment-size", SegmentSize,
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

/// <summary>
/// How much of the store's log stays in memory, and its page size (the largest value a key can
/// hold inline; objects such as hashes live on the heap and count toward the memory).
/// </summary>
/// <param name="LogMemory">Garnet size, e.g. "256m": records beyond it are kept on disk.</param>
/// <param name="PageSize">Garnet size, a power of two below <paramref name="LogMemory"/> and at most 4m: Garnet
/// requires the AOF's pages (8m here) to be at least twice the log's, and refuses to start otherwise.</param>
public sealed record StoreMemory(string LogMemory, string PageSize)
{
    /// <summary>256 MB in 4 MB pages (a value up to 4 MB, gRPC's default message limit; the AOF's pages must be twice as large).</summary>
    public static readonly StoreMemory Default = new("256m", "4m");
}

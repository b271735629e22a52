using HealingNetwork.Store;

// Usage: Store [--port 6380] [--data-dir .data/store] [--bind 127.0.0.1] [--no-commit-wait]
//              [--memory 256m] [--page 4m]   (page: at most 4m, see StoreMemory)
// By default a write is acknowledged only after its AOF record is fsynced (survives kill -9 and
// power loss); --no-commit-wait acknowledges once the record is queued, ~2.5x faster for one
// client and ~5x for 32, at the risk of losing the last milliseconds of writes in a crash.
// --memory bounds the part of the store kept in memory; the rest stays on disk (EmbeddedStore).
var port = int.Parse(Option("--port") ?? Environment.GetEnvironmentVariable("STORE_PORT") ?? "6380",
    System.Globalization.CultureInfo.InvariantCulture);
var dataDir = Option("--data-dir") ?? Environment.GetEnvironmentVariable("STORE_DATA_DIR") ?? Path.Combine(".data", "store");
var bind = Option("--bind") ?? "127.0.0.1";
var commitWait = !args.Contains("--no-commit-wait");
var memory = new StoreMemory(Option("--memory") ?? StoreMemory.Default.LogMemory, Option("--page") ?? StoreMemory.Default.PageSize);

using var store = new EmbeddedStore(port, dataDir, commitWait, bind, memory);
store.Start();
Console.WriteLine($"HealingNetwork store (Garnet) listening on {bind}:{port}, data in {store.DataDirectory}, {memory.LogMemory} in memory");

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
await stopped.Task;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

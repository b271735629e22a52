using System.Diagnostics;
using System.Net.Sockets;

namespace HealingNetwork.Testing;

/// <summary>
/// A store running as its own OS process, so a test can SIGKILL it: the embedded Garnet host
/// (services/Store) or Debian's redis-server with AOF.
/// </summary>
public sealed class StoreProcess : IDisposable
{
    private readonly Func<ProcessStartInfo> _start;
    private readonly string _dataDir;
    private Process? _process;

    public int Port { get; }
    public string Kind { get; }

    private StoreProcess(string kind, int port, string dataDir, Func<ProcessStartInfo> start)
    {
        _dataDir = dataDir;
        Kind = kind;
        Port = port;
        _start = start;
    }

    /// <summary>The embedded Garnet store exactly as the AppHost runs it (or with less of it in memory).</summary>
    public static StoreProcess Garnet(int port, string dataDir, HealingNetwork.Store.StoreMemory? memory = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Store.dll");
        return new StoreProcess("garnet", port, dataDir, () =>
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { dll, "--port", port.ToString(), "--data-dir", dataDir },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (memory is not null)
            {
                foreach (var arg in new[] { "--memory", memory.LogMemory, "--page", memory.PageSize }) start.ArgumentList.Add(arg);
            }
            return start;
        });
    }

    /// <summary>redis-server with the guidance from the README: appendonly yes, appendfsync always.</summary>
    public static StoreProcess? Redis(int port, string dataDir)
    {
        if (!File.Exists("/usr/bin/redis-server")) return null;
        System.IO.Directory.CreateDirectory(dataDir);
        return new StoreProcess("redis", port, dataDir, () => new ProcessStartInfo("/usr/bin/redis-server")
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", dataDir, "--appendonly", "yes", "--appendfsync", "always", "--save", "" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
    }

    public async Task<TimeSpan> StartAsync()
    {
        var clock = Stopwatch.StartNew();
        _process = Process.Start(_start()) ?? throw new InvalidOperationException("store did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                if (await AnswersPingAsync(client)) return clock.Elapsed;
            }
            catch (Exception ex) when (ex is SocketException or IOException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{Kind} did not listen on {Port}");
    }

    /// <summary>Ready means PONG: a store still replaying its log answers "-LOADING".</summary>
    private static async Task<bool> AnswersPingAsync(TcpClient client)
    {
        var stream = client.GetStream();
        await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray());
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        return read > 0 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }

    /// <summary>SIGKILL: no shutdown hook, no flush.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    /// <summary>Kills the store and deletes its data folder (the store is a test's own, never reused).</summary>
    public void Dispose()
    {
        Kill();
        TempFolder.DeleteQuietly(_dataDir);
    }
}

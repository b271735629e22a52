using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using HealingNetwork.Benchmarks.Reporting;

namespace HealingNetwork.Benchmarks.Startup;

/// <summary>
/// The README's run command, <c>dotnet run --project apphost</c> (on the Release build the bench made),
/// timed from launch until each resource answers: the store's port accepts, each service's /health
/// and then the gateway's /health return 200 (the gateway waits for all three, so its time is "all
/// resources healthy"; target ≤ 20 s). Run twice on a new data folder: first cold (signing key, key
/// ring certificate, 2,000 demo listings seeded and indexed), then warm (everything already on disk).
/// It uses the AppHost's default ports, so it is skipped while another instance holds them.
/// </summary>
public static class StartupBenchmark
{
    private static readonly (string Name, int Port, bool Http)[] Probes =
    [
        ("store", 6380, false), ("directory", 5201, true), ("profiles", 5202, true), ("matching", 5203, true), ("gateway", 5080, true),
    ];

    private static readonly int[] Ports = [6380, 5101, 5102, 5103, 5201, 5202, 5203, 5080, 5081, 18888, 18889];

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);

    public static async Task RunAsync(BenchOptions options)
    {
        var report = new ResultsReport("Start-up: `dotnet run --project apphost` to all resources healthy");
        var root = RepositoryRoot();
        if (Ports.FirstOrDefault(Listening) is var busy and > 0)
        {
            report.Line($"Skipped: port {busy} is in use (is the system already running?).");
            report.Save(options.ResultsDirectory, "startup.md");
            return;
        }
        var dataRoot = Path.Combine(Path.GetTempPath(), "healing-startup-" + Guid.NewGuid().ToString("N"));
        var rows = new List<IReadOnlyList<string>>();
        try
        {
            foreach (var (run, log) in new[] { ("cold: new data folder, 2,000 demo listings seeded", "startup-cold.log"), ("warm: the same data folder again", "startup-warm.log") })
            {
                var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
                var seen = await LaunchAsync(root, dataRoot, Path.Combine(options.ResultsDirectory, log));
                rows.Add([run, .. Probes.Select(p => seen.TryGetValue(p.Name, out var t) ? $"{t.TotalSeconds:0.0}" : "–"), load]);
            }
        }
        finally
        {
            try { System.IO.Directory.Delete(dataRoot, recursive: true); } catch (IOException) { }
        }
        report.Table(["run", .. Probes.Select(p => p.Name == "gateway" ? "gateway = all healthy (s, target ≤ 20)" : p.Name + " (s)"), "load average at launch"], rows);
        report.Line("Seconds from launching `dotnet run --project apphost --no-build -c Release` until the store's port accepts and each /health answers 200, polled every 100 ms. "
            + "The services start in dependency order (store, then directory, then profiles, then matching, then the gateway), so each column includes the ones before it.");
        report.Line("Each run's AppHost console output, with seconds since launch, is in startup-cold.log and startup-warm.log beside this file.");
        report.Save(options.ResultsDirectory, "startup.md");
    }

    /// <summary>
    /// Starts the AppHost, records when each probe first succeeds, then stops it as Ctrl+C would. Its
    /// console output (the AppHost's own log; the resources' logs go to its dashboard) goes to <paramref name="logPath"/> for a slow start's why.
    /// </summary>
    private static async Task<Dictionary<string, TimeSpan>> LaunchAsync(string root, string dataRoot, string logPath)
    {
        var start = new ProcessStartInfo("dotnet", ["run", "--project", "apphost", "--no-build", "-c", "Release", "--", "--DataRoot=" + dataRoot])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        using var log = new StreamWriter(logPath) { AutoFlush = true };
        var closed = false;
        void Write(string? line)
        {
            if (line is null) return;
            lock (log) if (!closed) log.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.00} {line}");
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var seen = new Dictionary<string, TimeSpan>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            while (seen.Count < Probes.Length && clock.Elapsed < GiveUpAfter && !process.HasExited)
            {
                foreach (var probe in Probes.Where(p => !seen.ContainsKey(p.Name)))
                {
                    if (!await UpAsync(http, probe.Port, probe.Http)) continue;
                    seen[probe.Name] = clock.Elapsed;
                    Write($"[bench] {probe.Name} up");
                }
                await Task.Delay(100);
            }
        }
        finally
        {
            await StopAsync(process, root);
            lock (log) closed = true;
        }
        return seen;
    }

    private static async Task<bool> UpAsync(HttpClient http, int port, bool viaHttp)
    {
        if (!viaHttp) return Listening(port);
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// SIGINT to the AppHost (what Ctrl+C sends; `dotnet run` itself waits for its child), which stops
    /// every resource; the process tree is killed if it has not ended within 60 s. Then waits for the
    /// ports to be free and every process started from this repository's build output to have exited
    /// (a Directory still closing its index seconds after the AppHost had gone took CPU from the next
    /// run's start; DCP, not the AppHost, is the services' parent) for the next run.
    /// </summary>
    private static async Task StopAsync(Process process, string root)
    {
        foreach (var pid in Descendants(process.Id).Where(pid => CommandLine(pid).Contains("AppHost", StringComparison.Ordinal)))
        {
            using var kill = Process.Start("kill", ["-INT", pid.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            try { await process.WaitForExitAsync(stopping.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        var waited = Stopwatch.StartNew();
        while ((Ports.Any(Listening) || RunningFrom(root)) && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(200);
    }

    /// <summary>A process whose command line names a service's or the gateway's build output in this repository.</summary>
    private static bool RunningFrom(string root) =>
        System.IO.Directory.EnumerateDirectories("/proc").Any(dir =>
            int.TryParse(Path.GetFileName(dir), out var pid) && CommandLine(pid) is var command
            && (command.Contains(root + "/services/", StringComparison.Ordinal) || command.Contains(root + "/gateway/", StringComparison.Ordinal)));

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = new List<int>();
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child)) continue;
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ...", comm may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (parent == pid) children.Add(child);
            }
            catch (IOException) { }
        }
        return children.Concat(children.SelectMany(Descendants)).ToArray();
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealingNetwork.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("HealingNetwork.sln not found above " + AppContext.BaseDirectory);
    }
}

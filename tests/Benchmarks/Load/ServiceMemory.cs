using System.Globalization;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>
/// Resident memory of this run's processes: found in /proc by the port each was given in its
/// environment (Kestrel gRPC URL) or arguments (the store's --port), so other systems running on
/// the same machine are never counted.
/// </summary>
public static class ServiceMemory
{
    public static IEnumerable<(string Name, int Pid, Resident Memory)> Find(IReadOnlyDictionary<string, int> portByName)
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string environment, arguments;
            try
            {
                environment = File.ReadAllText(Path.Combine(dir, "environ")).Replace('\0', '\n');
                arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }

            foreach (var (name, port) in portByName)
            {
                var url = $"Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:{port}\n";
                if (environment.Contains(url, StringComparison.Ordinal) || (name == "store" && arguments.Contains($"--port {port} ", StringComparison.Ordinal)))
                {
                    if (arguments.StartsWith("dotnet run", StringComparison.Ordinal) || arguments.Contains(" run --", StringComparison.Ordinal)) continue;
                    yield return (name, pid, Resident.Of(dir));
                }
            }
        }
    }

    /// <summary>Processes whose parent is <paramref name="parentPid"/> (nginx's workers).</summary>
    public static IEnumerable<int> Children(int parentPid)
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[1] == parentPid.ToString(CultureInfo.InvariantCulture)) yield return pid;
        }
    }

    /// <summary>User + system CPU time the process has used so far (from /proc/PID/stat, in clock ticks of 10 ms).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// VmRSS and its parts: anonymous (heaps, stacks), file-backed (RssFile: mapped code and the
    /// search index's memory maps, pages the kernel can drop and re-read) and shared memory
    /// (RssShmem: the runtime's executable memory — JIT-compiled code, stubs — which it keeps in a
    /// memfd so that it can map it writable and executable separately, for W^X). PSS (smaps_rollup)
    /// splits each page shared with other processes among them (the four .NET services share the runtime's code).
    /// </summary>
    public sealed record Resident(long RssKb, long FileKb, long AnonKb, long ShmemKb, long PssKb)
    {
        public static Resident Of(string dir)
        {
            var status = File.ReadLines(Path.Combine(dir, "status")).ToArray();
            var rollup = File.Exists(Path.Combine(dir, "smaps_rollup")) ? File.ReadLines(Path.Combine(dir, "smaps_rollup")).ToArray() : [];
            static long Kb(string[] lines, string key)
            {
                var line = lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            return new Resident(Kb(status, "VmRSS:"), Kb(status, "RssFile:"), Kb(status, "RssAnon:"), Kb(status, "RssShmem:"), Kb(rollup, "Pss:"));
        }
    }
}

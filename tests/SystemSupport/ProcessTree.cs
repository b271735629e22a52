using System.Diagnostics;
using System.Globalization;

namespace HealingNetwork.Testing.System;

/// <summary>
/// SIGKILL of one process and everything it started (a project resource may run under a
/// `dotnet` launcher, and killing only the launcher would leave the service holding its port).
/// Children are found through /proc, so this works on Linux only.
/// </summary>
public static class ProcessTree
{
    public static void Kill(int rootPid)
    {
        foreach (var pid in Descendants(rootPid).Prepend(rootPid).Reverse())
        {
            try { using var p = Process.GetProcessById(pid); p.Kill(entireProcessTree: false); }
            catch (ArgumentException) { } // already gone
            catch (InvalidOperationException) { }
        }
    }

    /// <summary>A process and everything it started (pids), parents first.</summary>
    public static IReadOnlyList<int> TreeOf(int rootPid) => [rootPid, .. Descendants(rootPid)];

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in global::System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var child)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // "pid (comm) state ppid ..." — comm may contain spaces, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(child);
        }
        var result = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.Count > 0)
            foreach (var c in children.GetValueOrDefault(queue.Dequeue(), []))
            {
                result.Add(c);
                queue.Enqueue(c);
            }
        return result;
    }
}

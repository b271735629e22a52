using System.Diagnostics;
using HealingNetwork.Benchmarks.Reporting;

namespace HealingNetwork.Benchmarks.Search;

/// <summary>
/// Latency samples, process CPU time and managed allocation gathered in blocks of sequential calls
/// (allocation is the process's, so a Lucene merge running meanwhile would count too).
/// </summary>
internal sealed class Samples
{
    private readonly List<double> _ms = [];
    private TimeSpan _elapsed;
    private TimeSpan _cpu;
    private long _allocated;

    public void Block(int count, Action call)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            call();
            _ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        _elapsed += Stopwatch.GetElapsedTime(started);
        _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        _allocated += GC.GetTotalAllocatedBytes() - allocated;
    }

    public async Task BlockAsync<T>(int count, Func<Task<T>> call)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await call();
            _ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        _elapsed += Stopwatch.GetElapsedTime(started);
        _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        _allocated += GC.GetTotalAllocatedBytes() - allocated;
    }

    public LatencySummary Summary() => LatencySummary.From(_ms, _elapsed, _cpu);

    /// <summary>Managed bytes allocated per call, in KB.</summary>
    public double KbPerOp => _ms.Count == 0 ? double.NaN : _allocated / 1024.0 / _ms.Count;
}

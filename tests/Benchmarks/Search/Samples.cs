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
        var block = Mark.Now();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            call();
            _ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Close(block);
    }

    public async Task BlockAsync<T>(int count, Func<Task<T>> call)
    {
        var block = Mark.Now();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await call();
            _ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Close(block);
    }

    /// <summary>Where a block started: process CPU time, managed bytes allocated, and the clock.</summary>
    private readonly record struct Mark(TimeSpan Cpu, long Allocated, long Started)
    {
        public static Mark Now() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), Stopwatch.GetTimestamp());
    }

    private void Close(Mark block)
    {
        _elapsed += Stopwatch.GetElapsedTime(block.Started);
        _cpu += Process.GetCurrentProcess().TotalProcessorTime - block.Cpu;
        _allocated += GC.GetTotalAllocatedBytes() - block.Allocated;
    }

    public LatencySummary Summary() => LatencySummary.From(_ms, _elapsed, _cpu);

    /// <summary>Managed bytes allocated per call, in KB.</summary>
    public double KbPerOp => _ms.Count == 0 ? double.NaN : _allocated / 1024.0 / _ms.Count;
}

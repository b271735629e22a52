using System.Diagnostics;
using HealingNetwork.Benchmarks.Reporting;

namespace HealingNetwork.Benchmarks.Search;

/// <summary>Latency samples and process CPU time gathered in blocks of sequential calls.</summary>
internal sealed class Samples
{
    private readonly List<double> _ms = [];
    private TimeSpan _elapsed;
    private TimeSpan _cpu;

    public void Block(int count, Action call)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            call();
            _ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        _elapsed += Stopwatch.GetElapsedTime(started);
        _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    public async Task BlockAsync<T>(int count, Func<Task<T>> call)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await call();
            _ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        _elapsed += Stopwatch.GetElapsedTime(started);
        _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    public LatencySummary Summary() => LatencySummary.From(_ms, _elapsed, _cpu);
}

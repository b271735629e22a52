using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using HealingNetwork.Benchmarks.Reporting;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>
/// N concurrent callers, each calling in a loop until the time is up; latencies of successful
/// calls and expected refusals (a lost booking race) are kept, other failures are counted.
/// </summary>
public static class LoadRunner
{
    public sealed record Result(LatencySummary Latency, int Failures, string? FirstFailure, double[] SamplesMs, TimeSpan Elapsed, TimeSpan Cpu)
    {
        /// <summary>Several runs of one path as one: all samples, the summed time and CPU.</summary>
        public static Result Merge(IReadOnlyList<Result> runs)
        {
            var samples = runs.SelectMany(r => r.SamplesMs).ToArray();
            var elapsed = runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed);
            var cpu = runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Cpu);
            return new Result(LatencySummary.From(samples, elapsed, cpu), runs.Sum(r => r.Failures),
                runs.Select(r => r.FirstFailure).FirstOrDefault(f => f is not null), samples, elapsed, cpu);
        }
    }

    /// <summary>A call returns normally, or throws an RpcException whose status the workload expects (counted as done).</summary>
    public static async Task<Result> RunAsync(int callers, TimeSpan duration, Func<int, long, Task> call, params StatusCode[] expected)
    {
        var samples = new ConcurrentBag<double[]>();
        var failures = 0;
        string? firstFailure = null;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = new List<double>(4_096);
            for (long i = 0; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(caller, i);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RpcException ex) when (expected.Contains(ex.StatusCode))
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, ex.Message, null);
                }
            }
            samples.Add([.. mine]);
        })));
        var all = samples.SelectMany(s => s).ToArray();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new Result(LatencySummary.From(all, clock.Elapsed, used), failures, firstFailure, all, clock.Elapsed, used);
    }
}

using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using HealingNetwork.Benchmarks.Reporting;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>`micro` mode: runs the BenchmarkDotNet classes with the short job and writes micro.md.</summary>
public static class MicroBenchmarks
{
    public static void Run(BenchOptions options)
    {
        var config = new ShortRunConfig(Path.Combine(options.ResultsDirectory, "BenchmarkDotNet"));
        Type[] all = [typeof(ScoringBenchmarks), typeof(AvailabilityBenchmarks), typeof(QueryBuildingBenchmarks), typeof(SerializationBenchmarks), typeof(CacheCodecBenchmarks)];
        var summaries = BenchmarkRunner.Run(all.Where(t => options.Only is null || t.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToArray(), config);
        var report = new ResultsReport("Micro-benchmarks (BenchmarkDotNet, short in-process job)");
        report.Table(["benchmark", "mean", "error", "allocated", "÷ baseline (same run)"], summaries.SelectMany(Rows));
        report.Save(options.ResultsDirectory, "micro.md");
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(Summary summary)
    {
        var baseline = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics?.Mean;
        return summary.Reports.Select(r => (IReadOnlyList<string>)
        [
            r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
            r.ResultStatistics is { } s ? $"{s.Mean / 1000:F2} µs" : "failed",
            r.ResultStatistics is { } e ? $"±{e.StandardError / 1000:F2} µs" : "–",
            r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) is { } bytes ? $"{bytes:N0} B" : "–",
            baseline is { } b && r.ResultStatistics is { } m ? $"{m.Mean / b:F2}×" : "–",
        ]);
    }
}

using System.Globalization;

namespace HealingNetwork.Benchmarks.Reporting;

/// <summary>Percentiles of a set of latency samples (milliseconds), plus throughput and CPU when known.</summary>
public sealed record LatencySummary(int Count, double P50Ms, double P95Ms, double P99Ms, double MeanMs, double PerSecond, double CpuMsPerOp)
{
    public static LatencySummary From(IReadOnlyCollection<double> samplesMs, TimeSpan elapsed, TimeSpan cpu)
    {
        if (samplesMs.Count == 0) return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, 0, double.NaN);
        var sorted = samplesMs.ToArray();
        Array.Sort(sorted);
        return new LatencySummary(
            sorted.Length, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted.Average(),
            sorted.Length / Math.Max(elapsed.TotalSeconds, 1e-9),
            cpu.TotalMilliseconds / sorted.Length);
    }

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "F3" : "F1", CultureInfo.InvariantCulture);

    public static string Ratio(double value, double baseline) =>
        baseline > 0 && !double.IsNaN(value) && !double.IsNaN(baseline)
            ? (value / baseline).ToString("F2", CultureInfo.InvariantCulture) + "×"
            : "–";

    private static double At(double[] sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}

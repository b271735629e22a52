using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>
/// A short in-process job (3 warm-ups, 8 iterations) with allocations: the whole micro suite runs in
/// about a minute, which is enough for ratios on a shared machine, not for publication numbers.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig(string artifactsPath)
    {
        AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1)
            .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogger(ConsoleLogger.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddExporter(MarkdownExporter.GitHub);
        ArtifactsPath = artifactsPath;
        Options |= ConfigOptions.DisableOptimizationsValidator;
    }
}

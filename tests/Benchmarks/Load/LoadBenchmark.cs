namespace HealingNetwork.Benchmarks.Load;

/// <summary>`load` mode (work in progress).</summary>
public static class LoadBenchmark
{
    public static Task RunAsync(BenchOptions options) => Task.CompletedTask;
}

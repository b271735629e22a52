namespace HealingNetwork.Directory.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour: it takes tens of seconds and its numbers depend on
/// the machine, so it runs only when HEALING_PERF is set.
/// </summary>
public sealed class PerformanceFactAttribute : FactAttribute
{
    public PerformanceFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HEALING_PERF")))
        {
            Skip = "Measurement; set HEALING_PERF=1 to run.";
        }
    }
}

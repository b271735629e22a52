using System.Globalization;

namespace HealingNetwork.Benchmarks;

/// <summary>Command-line options shared by the modes, with the defaults the bench script uses.</summary>
public sealed record BenchOptions
{
    public string ResultsDirectory { get; init; } = "BenchmarkResults";
    public int Listings { get; init; } = 100_000;
    public int Profiles { get; init; } = 10_000;
    public double SecondsPerWorkload { get; init; } = 5;

    /// <summary>Load mode: seconds each workload runs on the service port before its measured paths (JIT tiering settles).</summary>
    public double WarmupSeconds { get; init; } = 4;
    public int Callers { get; init; } = 64;

    /// <summary>Load mode: run only the workloads whose name contains this (the no-op baseline always runs).</summary>
    public string? Only { get; init; }
    public IReadOnlyList<string> Rest { get; init; } = [];

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--results" => options with { ResultsDirectory = Next() },
                "--listings" => options with { Listings = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--profiles" => options with { Profiles = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { SecondsPerWorkload = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--callers" => options with { Callers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--only" => options with { Only = Next() },
                _ => AddRest(options, rest, args[i]),
            };
        }
        return options with { Rest = rest };
    }

    private static BenchOptions AddRest(BenchOptions options, List<string> rest, string arg)
    {
        rest.Add(arg);
        return options;
    }
}

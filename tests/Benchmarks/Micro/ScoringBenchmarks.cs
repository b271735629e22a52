using BenchmarkDotNet.Attributes;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>
/// MatchScorer over the 200 candidates one FindMatches scores (two searches of 100). The baseline
/// explains every candidate and ranks (what FindMatches did before); Top values all 200 and
/// explains only the page of 20 it returns.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private MatchContext[] _contexts = [];
    private MatchWeights _weights = MatchWeightsResolver.Normalise(MatchWeightsResolver.Defaults);
    private Func<string, double> _weightOf = _ => 0;
    private double[] _weightArray = [];

    [GlobalSetup]
    public void Setup()
    {
        var profile = BenchProfiles.Create(7);
        var careTeam = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(3);
        _contexts = BenchListings.Generate(200)
            .Select(l => new MatchContext(profile, l, random.NextDouble() * 50, BenchListings.Now.AddDays(random.Next(30)), BenchListings.Now, careTeam))
            .ToArray();
        _weights = MatchWeightsResolver.Resolve(profile.Weights, null);
        _weightOf = MatchWeightsResolver.Lookup(_weights);
        _weightArray = MatchScorer.Default.WeightsOf(_weightOf);
    }

    [Benchmark(Description = "Score 200 candidates (explained)")]
    public double Score200()
    {
        var sum = 0.0;
        foreach (var context in _contexts) sum += MatchScorer.Default.Score(context, _weights).Score;
        return sum;
    }

    [Benchmark(Description = "Value 200 candidates (numbers only)")]
    public double Value200()
    {
        var sum = 0.0;
        foreach (var context in _contexts) sum += MatchScorer.Default.Value(context, _weightArray);
        return sum;
    }

    [Benchmark(Baseline = true, Description = "Score + rank 200, take 20 (explain all)")]
    public int ScoreAndRank200() =>
        MatchScorer.Rank(_contexts.Select(c => MatchScorer.Default.Score(c, _weights)), s => s).Take(20).Count();

    [Benchmark(Description = "Top 20 of 200 (value all, explain 20)")]
    public int Top20Of200() => MatchScorer.Default.Top(_contexts, c => c, _weightOf, 20).Count;

    [Benchmark(Description = "Hard filters over 200 candidates")]
    public int HardFilters200()
    {
        var eligible = 0;
        foreach (var c in _contexts)
            if (HardFilters.Violation(c.Profile, c.Listing, c.DistanceKm, 50, includeInfeasibleTerms: false) is null) eligible++;
        return eligible;
    }
}

using BenchmarkDotNet.Attributes;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>MatchScorer over the 200 candidates one FindMatches scores (two searches of 100).</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private MatchContext[] _contexts = [];
    private MatchWeights _weights = MatchWeightsResolver.Normalise(MatchWeightsResolver.Defaults);

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
    }

    [Benchmark(Description = "Score 200 candidates")]
    public double Score200()
    {
        var sum = 0.0;
        foreach (var context in _contexts) sum += MatchScorer.Default.Score(context, _weights).Score;
        return sum;
    }

    [Benchmark(Description = "Score + rank 200 candidates")]
    public int ScoreAndRank200() =>
        MatchScorer.Rank(_contexts.Select(c => MatchScorer.Default.Score(c, _weights)), s => s).Take(20).Count();
}

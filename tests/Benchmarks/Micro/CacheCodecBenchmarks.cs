using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.Storage;
using HealingNetwork.Matching.V1;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>
/// Matching's cached answers: a FindMatches answer of 20 explained matches, written on a miss and
/// read back on every hit. Baseline: Deflate at its fastest level (the previous codec); against
/// it <see cref="MatchCache"/>'s LZ4 (fast level). Sizes: 27.8 KB answer, Deflate 8.9 KB, LZ4 9.4 KB.
/// </summary>
[MemoryDiagnoser]
public class CacheCodecBenchmarks
{
    private byte[] _answer = [];
    private byte[] _deflated = [];
    private byte[] _stored = [];
    private static readonly CacheGeneration Generation = new(100_000, 7_000);

    [GlobalSetup]
    public void Setup()
    {
        var profile = BenchProfiles.Create(7);
        var careTeam = new HashSet<string>(StringComparer.Ordinal);
        var weights = MatchWeightsResolver.Resolve(profile.Weights, null);
        var random = new Random(3);
        var response = new FindMatchesResponse { CandidatesConsidered = 200, ProfileVersion = 3, WeightsUsed = weights };
        var rank = 0;
        foreach (var listing in BenchListings.Generate(20))
        {
            var context = new MatchContext(profile, listing, random.NextDouble() * 50, BenchListings.Now.AddDays(random.Next(30)), BenchListings.Now, careTeam);
            var scored = MatchScorer.Default.Score(context, weights);
            var match = new Match { Listing = listing, Score = scored.Score, DistanceKm = context.DistanceKm, Rank = ++rank };
            match.Components.AddRange(scored.Components);
            match.Reasons.AddRange(scored.Reasons);
            response.Matches.Add(match);
        }
        _answer = response.ToByteArray();
        _deflated = Deflate(_answer);
        _stored = MatchCache.Encode(_answer, 3, Generation);
    }

    [Benchmark(Baseline = true, Description = "cache hit: Deflate decode of a 20-match answer")]
    public int DeflateDecode()
    {
        var encoding = new byte[_answer.Length];
        using var deflate = new DeflateStream(new MemoryStream(_deflated), CompressionMode.Decompress);
        deflate.ReadExactly(encoding);
        return encoding.Length;
    }

    [Benchmark(Description = "cache hit: MatchCache.Decode (LZ4) of a 20-match answer")]
    public int Lz4Decode() => MatchCache.Decode(_stored, 3, Generation)!.Length;

    private static readonly byte[] CachedMark = new FindMatchesResponse { Cached = true }.ToByteArray();

    [Benchmark(Description = "cache hit as answered before: decode, then copy into answer + cached mark")]
    public int Lz4DecodeThenMark()
    {
        var answer = MatchCache.Decode(_stored, 3, Generation)!;
        var encoding = new byte[answer.Length + CachedMark.Length];
        answer.CopyTo(encoding, 0);
        CachedMark.CopyTo(encoding, answer.Length);
        return encoding.Length;
    }

    [Benchmark(Description = "cache hit as answered now: decode into one array with the cached mark")]
    public int Lz4DecodeWithMark() => MatchCache.Decode(_stored, 3, Generation, CachedMark)!.Length;

    [Benchmark(Description = "cache write: Deflate encode")]
    public int DeflateEncode() => Deflate(_answer).Length;

    [Benchmark(Description = "cache write: MatchCache.Encode (LZ4 fast)")]
    public int Lz4Encode() => MatchCache.Encode(_answer, 3, Generation).Length;

    private static byte[] Deflate(byte[] answer)
    {
        var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true)) deflate.Write(answer);
        return output.ToArray();
    }
}

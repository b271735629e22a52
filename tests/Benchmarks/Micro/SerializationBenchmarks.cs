using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>One synthetic Listing to and from protobuf, and a 100-result search response (the Matching fetch).</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private Listing _listing = new();
    private byte[] _bytes = [];
    private SearchListingsResponse _response = new();
    private byte[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _listing = BenchListings.Generate(1)[0];
        _bytes = _listing.ToByteArray();
        foreach (var listing in BenchListings.Generate(100)) _response.Results.Add(new SearchResult { Listing = listing, DistanceKm = 3.2 });
        _buffer = new byte[_response.CalculateSize() * 2];
    }

    [Benchmark(Description = "Listing → bytes")]
    public byte[] Serialize() => _listing.ToByteArray();

    [Benchmark(Description = "bytes → Listing")]
    public Listing Parse() => Listing.Parser.ParseFrom(_bytes);

    [Benchmark(Description = "100-result response → pooled buffer")]
    public int SerializeResponse()
    {
        var span = _buffer.AsSpan(0, _response.CalculateSize());
        _response.WriteTo(span);
        return span.Length;
    }
}

using System.Buffers;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Grpc.Core;
using HealingNetwork.Directory.Api;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Benchmarks.Micro;

/// <summary>
/// One synthetic Listing to and from protobuf, and a 100-result search response (the Matching
/// fetch): built from the index's stored encodings by parsing and serializing every listing (as
/// SearchListings did) against writing the encodings as they are (<see cref="SearchListingsWire"/>).
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private Listing _listing = new();
    private byte[] _bytes = [];
    private SearchListingsResponse _response = new();
    private byte[] _buffer = [];
    private byte[][] _encodings = [];
    private readonly ArrayBufferWriter<byte> _out = new(1 << 20);

    [GlobalSetup]
    public void Setup()
    {
        _listing = BenchListings.Generate(1)[0];
        _bytes = _listing.ToByteArray();
        foreach (var listing in BenchListings.Generate(100)) _response.Results.Add(new SearchResult { Listing = listing, DistanceKm = 3.2 });
        _buffer = new byte[_response.CalculateSize() * 2];
        _encodings = _response.Results.Select(r => r.Listing.ToByteArray()).ToArray();
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

    [Benchmark(Baseline = true, Description = "100 stored hits → response: parse and serialize each listing")]
    public int ParseAndSerialize()
    {
        var response = new SearchListingsResponse { TotalSize = 100 };
        foreach (var encoding in _encodings)
        {
            var listing = Listing.Parser.ParseFrom(encoding);
            listing.Stale = listing.LastConfirmedTime is null;
            response.Results.Add(new SearchResult { Listing = listing, DistanceKm = 3.2 });
        }
        return Write(response);
    }

    [Benchmark(Description = "100 stored hits → response: encodings written as is (SearchListingsWire)")]
    public int WriteEncodings()
    {
        var response = new SearchListingsResponse { TotalSize = 100 };
        var encoded = new SearchListingsWire.EncodedListing[_encodings.Length];
        for (var i = 0; i < _encodings.Length; i++)
        {
            response.Results.Add(new SearchResult { DistanceKm = 3.2 });
            encoded[i] = new(_encodings[i], SearchListingsWire.LastConfirmedTime(_encodings[i]) is null);
        }
        SearchListingsWire.Attach(response, encoded);
        return Write(response);
    }

    private int Write(SearchListingsResponse response)
    {
        _out.ResetWrittenCount();
        SearchListingsWire.Serialize(response, new Context(_out));
        return _out.WrittenCount;
    }

    /// <summary>grpc-dotnet's view of a serialization, writing into one reused buffer.</summary>
    private sealed class Context(ArrayBufferWriter<byte> output) : SerializationContext
    {
        public override void SetPayloadLength(int payloadLength) { }
        public override IBufferWriter<byte> GetBufferWriter() => output;
        public override void Complete() { }
    }
}

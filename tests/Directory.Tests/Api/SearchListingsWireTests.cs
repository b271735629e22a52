using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.Api;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>
/// SearchListings writes stored listing encodings into its response as they are: what a client
/// parses must be exactly what the generated serializer gives for the parsed listings with
/// <c>stale</c> set, whatever the sizes and however the transport hands out buffers.
/// </summary>
public sealed class SearchListingsWireTests
{
    private static Listing Sample(string id, int bioLength, Timestamp? confirmed, bool storedStale)
    {
        var listing = Samples.Naturopath("Wire " + id);
        listing.Id = id;
        listing.Bio = new string('b', bioLength) + "é";
        listing.LastConfirmedTime = confirmed;
        listing.Stale = storedStale;
        return listing;
    }

    private static (SearchListingsResponse Attached, SearchListingsResponse Expected) Build(
        IReadOnlyList<(Listing Listing, bool Stale)> hits, string nextToken = "", int total = 0, bool lowerBound = false)
    {
        var attached = new SearchListingsResponse { NextPageToken = nextToken, TotalSize = total, TotalSizeIsLowerBound = lowerBound };
        var expected = attached.Clone();
        var encoded = new SearchListingsWire.EncodedListing[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var (listing, stale) = hits[i];
            attached.Results.Add(new SearchResult { DistanceKm = i * 1.5, Relevance = 0.25 * i });
            encoded[i] = new(listing.ToByteArray(), stale);
            var forClient = listing.Clone();
            forClient.Stale = stale;
            expected.Results.Add(new SearchResult { Listing = forClient, DistanceKm = i * 1.5, Relevance = 0.25 * i });
        }
        SearchListingsWire.Attach(attached, encoded);
        return (attached, expected);
    }

    private static byte[] Serialize(SearchListingsResponse response, int maxSpan)
    {
        var context = new BufferContext(maxSpan);
        SearchListingsWire.Serialize(response, context);
        Assert.True(context.Completed);
        Assert.Equal(context.PayloadLength, context.Written.WrittenCount);
        return context.Written.WrittenSpan.ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Attached_encodings_parse_to_the_listings_with_staleness_set(int maxSpan)
    {
        var old = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddYears(40));
        var (attached, expected) = Build(
        [
            (Sample("short", 10, old, storedStale: false), true),
            (Sample("stored-stale", 300, old, storedStale: true), false), // the computed value replaces the stored one
            (Sample("long", 20_000, null, storedStale: false), true),     // 3-byte length prefixes
            (Sample("plain", 0, old, storedStale: false), false),
        ], nextToken: "next-token", total: 1234, lowerBound: true);

        var bytes = Serialize(attached, maxSpan);

        Assert.Equal(expected, SearchListingsResponse.Parser.ParseFrom(bytes));
    }

    [Fact]
    public void Serializing_leaves_the_response_as_it_was_and_an_empty_page_is_its_own_fields()
    {
        var (attached, _) = Build([(Sample("a", 5, null, false), true)], total: 1);
        var before = attached.Clone();
        Serialize(attached, 4096);
        Assert.Equal(before, attached);

        var (empty, expected) = Build([], total: 0, lowerBound: true);
        Assert.Equal(expected.ToByteArray(), Serialize(empty, 4096));
    }

    [Fact]
    public void A_response_without_attached_encodings_is_written_by_the_generated_code()
    {
        var response = new SearchListingsResponse { TotalSize = 2 };
        response.Results.Add(new SearchResult { Listing = Sample("parsed", 50, null, storedStale: true), DistanceKm = 3 });
        Assert.Equal(response.ToByteArray(), Serialize(response, 7));
    }

    [Fact]
    public void Attaching_refuses_a_count_mismatch_or_results_that_carry_listings()
    {
        var response = new SearchListingsResponse();
        response.Results.Add(new SearchResult());
        Assert.Throws<ArgumentException>(() => SearchListingsWire.Attach(response, []));
        response.Results[0].Listing = new Listing();
        Assert.Throws<ArgumentException>(() => SearchListingsWire.Attach(response, [new(new byte[1], false)]));
    }

    [Fact]
    public void Last_confirmed_time_is_read_from_the_encoding_without_parsing_the_rest()
    {
        var confirmed = new Timestamp { Seconds = 1_700_000_000, Nanos = 123_456_789 };
        Assert.Equal(confirmed, SearchListingsWire.LastConfirmedTime(Sample("x", 5000, confirmed, true).ToByteArray()));
        Assert.Null(SearchListingsWire.LastConfirmedTime(Sample("y", 5, null, false).ToByteArray()));
        Assert.Null(SearchListingsWire.LastConfirmedTime(ReadOnlyMemory<byte>.Empty));
        // Not array-backed: the encoding is copied once and read the same way.
        var bytes = Sample("z", 40, confirmed, false).ToByteArray();
        Assert.Equal(confirmed, SearchListingsWire.LastConfirmedTime(new NativeMemory(bytes).Memory));
    }

    [Fact]
    public void Id_and_time_zone_are_read_from_the_encoding_without_parsing_the_rest()
    {
        var listing = Sample("listing-7", 3000, null, false);
        listing.TimeZone = "Pacific/Chatham";
        Assert.Equal(("listing-7", "Pacific/Chatham"), ListingEncoding.IdAndTimeZone(listing.ToByteArray()));
        Assert.Equal(("", ""), ListingEncoding.IdAndTimeZone(ReadOnlyMemory<byte>.Empty));
        // A later occurrence of a singular field wins, as in a parse.
        var merged = listing.ToByteArray().Concat(new Listing { TimeZone = "Asia/Kathmandu" }.ToByteArray()).ToArray();
        Assert.Equal(("listing-7", "Asia/Kathmandu"), ListingEncoding.IdAndTimeZone(merged));
        Assert.Equal(Listing.Parser.ParseFrom(merged).TimeZone, ListingEncoding.IdAndTimeZone(new NativeMemory(merged).Memory).TimeZone);
    }

    /// <summary>The transport's view of a serialization: a buffer writer handing out at most <c>maxSpan</c> bytes at a time.</summary>
    private sealed class BufferContext(int maxSpan) : SerializationContext
    {
        public ArrayBufferWriter<byte> Written { get; } = new();
        public int PayloadLength { get; private set; } = -1;
        public bool Completed { get; private set; }
        public override void SetPayloadLength(int payloadLength) => PayloadLength = payloadLength;
        public override IBufferWriter<byte> GetBufferWriter() => new Limited(Written, maxSpan);
        public override void Complete() => Completed = true;
    }

    private sealed class Limited(ArrayBufferWriter<byte> inner, int maxSpan) : IBufferWriter<byte>
    {
        public void Advance(int count) => inner.Advance(count);
        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            var memory = inner.GetMemory(Math.Max(sizeHint, 1));
            return memory[..Math.Max(sizeHint, Math.Min(maxSpan, memory.Length))];
        }
        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }

    /// <summary>Memory that does not expose an array (TryGetArray is false for a MemoryManager).</summary>
    private sealed class NativeMemory(byte[] bytes) : MemoryManager<byte>
    {
        public override Span<byte> GetSpan() => bytes;
        public override MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException();
        public override void Unpin() { }
        protected override void Dispose(bool disposing) { }
    }
}

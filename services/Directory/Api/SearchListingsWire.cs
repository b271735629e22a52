using System.Buffers;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Wire;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// The SearchListings response marshaller. A listing is indexed as its protobuf encoding; parsing
/// every hit into a <see cref="Listing"/> only to serialize it again cost a third of the Directory's
/// CPU per FindMatches and most of its allocation (tests/Benchmarks load, dotnet-trace). So the
/// handler attaches the stored encodings to the response (<see cref="Attach"/>) and this writer copies
/// them into the message as they are.
/// <para>
/// Protobuf lets a message's fields come in any order and a later value of a singular scalar replace
/// an earlier one, so each result is written as: its <c>listing</c> field (the stored bytes, then
/// <c>stale</c> as computed now, which replaces any stored value), followed by the result's other
/// fields; then the response's own fields. A client parses exactly what the generated serializer
/// would have produced from the parsed listing with <c>stale</c> set.
/// </para>
/// Responses without attached encodings (the Elasticsearch backend parses JSON) use the generated serializer.
/// </summary>
public static class SearchListingsWire
{
    /// <summary>A listing's stored encoding and its staleness computed at read time.</summary>
    public readonly record struct EncodedListing(ReadOnlyMemory<byte> Bytes, bool Stale);

    private static readonly ConditionalWeakTable<SearchListingsResponse, EncodedListing[]> Attached = new();

    // Field numbers from directory_service.proto and listing.proto, all length-delimited but `stale`.
    private static readonly uint ResultsTag = WireFormat.MakeTag(SearchListingsResponse.ResultsFieldNumber, WireFormat.WireType.LengthDelimited);
    private static readonly uint ListingTag = WireFormat.MakeTag(SearchResult.ListingFieldNumber, WireFormat.WireType.LengthDelimited);
    private static readonly uint StaleTag = WireFormat.MakeTag(Listing.StaleFieldNumber, WireFormat.WireType.Varint);
    private static readonly int StaleSize = CodedOutputStream.ComputeRawVarint32Size(StaleTag) + 1;

    /// <summary>The marshaller bound to DirectoryService.SearchListings (see <see cref="DirectoryApiBinding"/>).</summary>
    public static readonly Marshaller<SearchListingsResponse> Marshaller = Marshallers.Create<SearchListingsResponse>(
        Serialize, context => SearchListingsResponse.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    /// <summary>
    /// Attaches one encoding per result: <paramref name="response"/>'s results carry no listing of
    /// their own and result i's listing is <paramref name="listings"/>[i].
    /// </summary>
    public static void Attach(SearchListingsResponse response, EncodedListing[] listings)
    {
        if (listings.Length != response.Results.Count) throw new ArgumentException("one encoded listing per result", nameof(listings));
        if (response.Results.Any(r => r.Listing is not null)) throw new ArgumentException("results must not carry a parsed listing", nameof(response));
        Attached.AddOrUpdate(response, listings);
    }

    /// <summary>Serializes <paramref name="response"/> with its attached encodings, if any.</summary>
    public static void Serialize(SearchListingsResponse response, SerializationContext context)
    {
        if (!Attached.TryGetValue(response, out var listings))
        {
            EncodedResponses.WriteMessage(response, context);
            return;
        }

        // The results are taken out for the write, so the generated code writes the response's
        // other fields, and each result without its listing; they are put back afterwards.
        var results = response.Results.ToArray();
        response.Results.Clear();
        try
        {
            var resultSizes = new int[results.Length];
            var total = response.CalculateSize();
            for (var i = 0; i < results.Length; i++)
            {
                resultSizes[i] = ListingFieldSize(listings[i]) + results[i].CalculateSize();
                total += LengthDelimitedSize(ResultsTag, resultSizes[i]);
            }

            context.SetPayloadLength(total);
            var writer = context.GetBufferWriter();
            for (var i = 0; i < results.Length; i++)
            {
                WriteHeader(writer, ResultsTag, resultSizes[i]);
                WriteHeader(writer, ListingTag, listings[i].Bytes.Length + StaleSize);
                WriteBytes(writer, listings[i].Bytes.Span);
                WriteStale(writer, listings[i].Stale);
                results[i].WriteTo(writer);
            }
            response.WriteTo(writer);
            context.Complete();
        }
        finally
        {
            response.Results.AddRange(results);
        }
    }

    private static int ListingFieldSize(EncodedListing listing) => LengthDelimitedSize(ListingTag, listing.Bytes.Length + StaleSize);

    private static int LengthDelimitedSize(uint tag, int length) =>
        CodedOutputStream.ComputeRawVarint32Size(tag) + CodedOutputStream.ComputeLengthSize(length) + length;

    private static void WriteHeader(IBufferWriter<byte> writer, uint tag, int length)
    {
        var span = writer.GetSpan(10);
        var written = WriteVarint(span, tag);
        written += WriteVarint(span[written..], (uint)length);
        writer.Advance(written);
    }

    private static void WriteStale(IBufferWriter<byte> writer, bool stale)
    {
        var span = writer.GetSpan(6);
        var written = WriteVarint(span, StaleTag);
        span[written++] = stale ? (byte)1 : (byte)0;
        writer.Advance(written);
    }

    /// <summary>Copies in pieces no larger than the writer offers, so a big listing never asks for one big buffer.</summary>
    private static void WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var span = writer.GetSpan();
            var n = Math.Min(span.Length, bytes.Length);
            bytes[..n].CopyTo(span);
            writer.Advance(n);
            bytes = bytes[n..];
        }
    }

    private static int WriteVarint(Span<byte> span, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        return i;
    }

    /// <summary>
    /// The <c>last_confirmed_time</c> in a listing's encoding, read without parsing the listing
    /// (other fields are skipped); null when absent. The encoding must be a valid Listing.
    /// </summary>
    public static Google.Protobuf.WellKnownTypes.Timestamp? LastConfirmedTime(ReadOnlyMemory<byte> encoding)
    {
        var input = ListingEncoding.Input(encoding);
        Google.Protobuf.WellKnownTypes.Timestamp? found = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == Listing.LastConfirmedTimeFieldNumber
                && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                // A repeated occurrence of a message field merges into the earlier one.
                found ??= new Google.Protobuf.WellKnownTypes.Timestamp();
                input.ReadMessage(found);
            }
            else input.SkipLastField();
        }
        return found;
    }
}

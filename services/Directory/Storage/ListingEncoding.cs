using System.Runtime.InteropServices;
using Google.Protobuf;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Single fields read from a listing's protobuf encoding (as stored and as indexed) without parsing
/// the listing: the rest is skipped, so nothing else is allocated.
/// </summary>
public static class ListingEncoding
{
    /// <summary>
    /// The <c>id</c> and <c>time_zone</c> in a listing's encoding; "" when absent. A later occurrence
    /// of either replaces an earlier one, as in a parse.
    /// </summary>
    public static (string Id, string TimeZone) IdAndTimeZone(ReadOnlyMemory<byte> encoding)
    {
        var input = Input(encoding);
        var (id, zone) = ("", "");
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == IdTag) id = input.ReadString();
            else if (tag == TimeZoneTag) zone = input.ReadString();
            else input.SkipLastField();
        }
        return (id, zone);
    }

    private static readonly uint IdTag = WireFormat.MakeTag(Listing.IdFieldNumber, WireFormat.WireType.LengthDelimited);
    private static readonly uint TimeZoneTag = WireFormat.MakeTag(Listing.TimeZoneFieldNumber, WireFormat.WireType.LengthDelimited);

    /// <summary>A reader over the encoding, copying it only when it is not array-backed.</summary>
    public static CodedInputStream Input(ReadOnlyMemory<byte> encoding) =>
        MemoryMarshal.TryGetArray(encoding, out var segment)
            ? new CodedInputStream(segment.Array!, segment.Offset, segment.Count)
            : new CodedInputStream(encoding.ToArray());
}

using System.Buffers.Binary;
using System.Text;
using Google.Protobuf;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Paging;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// SearchListings' page tokens (<see cref="OpaquePageToken"/>): where the previous page ended
/// (<see cref="SearchCursor"/>, the sort key of its last hit) for the request fingerprinted, so a token
/// used with different filters is refused instead of silently paging a different result. A cursor, not
/// an offset: a listing written or removed between two pages neither repeats a hit nor skips one.
/// <para>Cursor: score (float, 4), distance (double, 8), position (int, 4), id (UTF-8).</para>
/// </summary>
public static class PageToken
{
    private const byte Kind = 2;
    private const int FixedLength = 4 + 8 + 4;
    /// <summary>Longer than any listing id a write accepts; a token carrying more was not issued here.</summary>
    private const int MaxIdBytes = 512;
    /// <summary>Tokens before cursor paging: an offset and the fingerprint, 12 bytes, with no kind byte.</summary>
    private const int LegacyLength = 12;

    public static string Encode(SearchCursor cursor, IMessage requestWithoutToken)
    {
        var bytes = new byte[FixedLength + Encoding.UTF8.GetByteCount(cursor.Id)];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, cursor.Score);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(4), cursor.DistanceKm);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), cursor.Position);
        Encoding.UTF8.GetBytes(cursor.Id, bytes.AsSpan(FixedLength));
        return OpaquePageToken.Encode(Kind, OpaquePageToken.Fingerprint(requestWithoutToken), bytes);
    }

    /// <summary>Where the page a token asks for starts; null for an empty token (the first page).</summary>
    public static SearchCursor? Decode(string token, IMessage requestWithoutToken, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        switch (OpaquePageToken.Read(token, Kind, OpaquePageToken.Fingerprint(requestWithoutToken), FixedLength..(FixedLength + MaxIdBytes), out var cursor))
        {
            case OpaquePageToken.Outcome.NotIssued when IsLegacy(token):
                throw new ValidationException(field, "was issued by an earlier version of this service and can no longer be used; start again from the first page");
            case OpaquePageToken.Outcome.NotIssued:
                throw new ValidationException(field, "is not a token this service issued");
            case OpaquePageToken.Outcome.OtherRequest:
                throw new ValidationException(field, "belongs to a different query; keep every other field unchanged when paging");
        }
        var score = BinaryPrimitives.ReadSingleLittleEndian(cursor);
        var distance = BinaryPrimitives.ReadDoubleLittleEndian(cursor.AsSpan(4));
        var position = BinaryPrimitives.ReadInt32LittleEndian(cursor.AsSpan(12));
        // NaN would compare as neither before nor after; no backend issues it. (+∞ is Elasticsearch's distance for no location.)
        if (float.IsNaN(score) || double.IsNaN(distance) || position < 0 || OpaquePageToken.Utf8(cursor.AsSpan(FixedLength)) is not { } id)
            throw new ValidationException(field, "is not a token this service issued");
        return new SearchCursor(score, distance, id, position);
    }

    private static bool IsLegacy(string token)
    {
        Span<byte> bytes = stackalloc byte[LegacyLength];
        return OpaquePageToken.TryFromBase64Url(token, bytes, out var written) && written == LegacyLength;
    }
}

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Google.Protobuf;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// Opaque page tokens (AIP-158): where the previous page ended (<see cref="SearchCursor"/>, the sort
/// key of its last hit) plus a fingerprint of the request, so a token used with different filters is
/// refused instead of silently paging a different result. A cursor, not an offset: a listing written
/// or removed between two pages neither repeats a hit nor skips one.
/// <para>Layout (base64url, no padding): version byte, fingerprint (8), score (float, 4), distance (double, 8), position (int, 4), id (UTF-8).</para>
/// </summary>
public static class PageToken
{
    private const byte Version = 2;
    private const int HeaderLength = 1 + 8 + 4 + 8 + 4;
    private const int LegacyLength = 12;
    /// <summary>Longer than any listing id a write accepts; a token carrying more was not issued here.</summary>
    private const int MaxIdBytes = 512;

    public static string Encode(SearchCursor cursor, IMessage requestWithoutToken)
    {
        var bytes = new byte[HeaderLength + Encoding.UTF8.GetByteCount(cursor.Id)];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1), Fingerprint(requestWithoutToken));
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(9), cursor.Score);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(13), cursor.DistanceKm);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(21), cursor.Position);
        Encoding.UTF8.GetBytes(cursor.Id, bytes.AsSpan(HeaderLength));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Where the page a token asks for starts; null for an empty token (the first page).</summary>
    public static SearchCursor? Decode(string token, IMessage requestWithoutToken, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        var bytes = new byte[(HeaderLength + MaxIdBytes) / 3 * 4 + 4];
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        if (base64.Length > bytes.Length || !Convert.TryFromBase64String(base64, bytes, out var written))
            throw new ValidationException(field, "is not a token this service issued");
        // Earlier tokens were 12 bytes (an offset and the fingerprint) with no version byte.
        if (written == LegacyLength || (written >= HeaderLength && bytes[0] != Version))
            throw new ValidationException(field, "was issued by an earlier version of this service and can no longer be used; start again from the first page");
        if (written < HeaderLength)
            throw new ValidationException(field, "is not a token this service issued");
        var score = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(9));
        var distance = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(13));
        var position = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(21));
        string id;
        try
        {
            id = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, HeaderLength, written - HeaderLength);
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationException(field, "is not a token this service issued");
        }
        // NaN would compare as neither before nor after; no backend issues it. (+∞ is Elasticsearch's distance for no location.)
        if (float.IsNaN(score) || double.IsNaN(distance) || position < 0)
            throw new ValidationException(field, "is not a token this service issued");
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(1)) != Fingerprint(requestWithoutToken))
            throw new ValidationException(field, "belongs to a different query; keep every other field unchanged when paging");
        return new SearchCursor(score, distance, id, position);
    }

    private static ulong Fingerprint(IMessage request) => XxHash64.HashToUInt64(request.ToByteArray());
}

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Google.Protobuf;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// Opaque page tokens of ListListings (AIP-158): the id of the previous page's last listing, and a
/// fingerprint of the caller and the request without its paging fields. The caller is in the
/// fingerprint because the list is "my listings": a token handed to someone else must not page
/// theirs from a point they never reached. A cursor, not an offset, so a listing created or deleted
/// between two pages neither repeats another one nor hides it.
/// <para>Layout (base64url, no padding): marker byte, fingerprint (8), last id (UTF-8).</para>
/// </summary>
public static class OwnListingsPageToken
{
    /// <summary>Unlike the first byte of a search (2) or open-slots (1) token, so theirs are refused here.</summary>
    private const byte Marker = 0x4C;
    private const int HeaderLength = 1 + 8;
    /// <summary>Listing ids are at most 64 characters; a token carrying more was not issued here.</summary>
    private const int MaxIdBytes = 256;

    public static string Encode(string lastId, string ownerId, IMessage requestWithoutPaging)
    {
        var bytes = new byte[HeaderLength + Encoding.UTF8.GetByteCount(lastId)];
        bytes[0] = Marker;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1), Fingerprint(ownerId, requestWithoutPaging));
        Encoding.UTF8.GetBytes(lastId, bytes.AsSpan(HeaderLength));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The id the page a token asks for starts after; null for an empty token (the first page).</summary>
    public static string? Decode(string token, string ownerId, IMessage requestWithoutPaging, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[(HeaderLength + MaxIdBytes) / 3 * 4 + 4];
        if (base64.Length > bytes.Length || !Convert.TryFromBase64String(base64, bytes, out var written)
            || written <= HeaderLength || bytes[0] != Marker)
            throw new ValidationException(field, "is not a token this service issued");
        string id;
        try
        {
            id = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, HeaderLength, written - HeaderLength);
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationException(field, "is not a token this service issued");
        }
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(1)) != Fingerprint(ownerId, requestWithoutPaging))
            throw new ValidationException(field, "was issued for another request (another caller, or other fields); start again from the first page");
        return id;
    }

    private static ulong Fingerprint(string ownerId, IMessage request)
    {
        var owner = Encoding.UTF8.GetBytes(ownerId);
        var hash = new XxHash64();
        Span<byte> length = stackalloc byte[4];
        // The owner's length first, so no owner and request bytes run together into another pair's.
        BinaryPrimitives.WriteInt32LittleEndian(length, owner.Length);
        hash.Append(length);
        hash.Append(owner);
        hash.Append(request.ToByteArray());
        return hash.GetCurrentHashAsUInt64();
    }
}

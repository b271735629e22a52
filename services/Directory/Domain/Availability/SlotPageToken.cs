using System.Buffers.Binary;
using System.IO.Hashing;
using Google.Protobuf;
using HealingNetwork.ServiceDefaults.Errors;
using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// Opaque page tokens of ListOpenSlots (AIP-158): the start of the last slot of the previous page,
/// the end of the range the first page resolved, and a fingerprint of the request (page size and
/// token left out), so a token used with another listing or range is refused instead of silently
/// paging a different calendar. A cursor, not an offset: a slot held or freed between two pages
/// neither repeats one nor hides another. The range end travels in the token because a request
/// without end_time means "two weeks from now", which would move a little with every page.
/// <para>Layout (base64url, no padding): version byte, fingerprint (8), cursor unix seconds (8), range end unix seconds (8).</para>
/// </summary>
public static class SlotPageToken
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 8 + 8;

    /// <summary>Where the next page starts: after <see cref="After"/>, up to <see cref="End"/>.</summary>
    public readonly record struct Cursor(Instant After, Instant End);

    public static string Encode(Cursor cursor, IMessage requestWithoutPaging)
    {
        var bytes = new byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1), Fingerprint(requestWithoutPaging));
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(9), cursor.After.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(17), cursor.End.ToUnixTimeSeconds());
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The cursor a token carries; null for an empty token (the first page).</summary>
    public static Cursor? Decode(string token, IMessage requestWithoutPaging, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[Length + 3];
        if (base64.Length > 48 || !Convert.TryFromBase64String(base64, bytes, out var written) || written != Length || bytes[0] != Version)
            throw new ValidationException(field, "is not a token this service issued");
        var after = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(9));
        var end = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(17));
        // Only times a slot query can name (and no arithmetic overflow near the edges of the calendar).
        var (earliest, latest) = (SlotQueryRules.Earliest.ToUnixTimeSeconds(), SlotQueryRules.Latest.ToUnixTimeSeconds());
        if (after < earliest || after >= latest || end <= after || end > latest)
            throw new ValidationException(field, "is not a token this service issued");
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(1)) != Fingerprint(requestWithoutPaging))
            throw new ValidationException(field, "belongs to a different query; keep listing_id, start_time and end_time unchanged when paging");
        return new Cursor(Instant.FromUnixTimeSeconds(after), Instant.FromUnixTimeSeconds(end));
    }

    private static ulong Fingerprint(IMessage request) => XxHash64.HashToUInt64(request.ToByteArray());
}

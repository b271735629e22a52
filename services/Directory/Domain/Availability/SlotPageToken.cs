using System.Buffers.Binary;
using Google.Protobuf;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Paging;
using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// ListOpenSlots' page tokens (<see cref="OpaquePageToken"/>): the start of the last slot of the
/// previous page and the end of the range the first page resolved, for a fingerprint of the request
/// (page size and token left out), so a token used with another listing or range is refused instead
/// of silently paging a different calendar. A cursor, not an offset: a slot held or freed between two
/// pages neither repeats one nor hides another. The range end travels in the token because a request
/// without end_time means "two weeks from now", which would move a little with every page.
/// <para>Cursor: unix seconds of the last slot's start (8) and of the range end (8).</para>
/// </summary>
public static class SlotPageToken
{
    private const byte Kind = 1;
    private const int CursorLength = 8 + 8;

    /// <summary>Where the next page starts: after <see cref="After"/>, up to <see cref="End"/>.</summary>
    public readonly record struct Cursor(Instant After, Instant End);

    public static string Encode(Cursor cursor, IMessage requestWithoutPaging)
    {
        Span<byte> bytes = stackalloc byte[CursorLength];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, cursor.After.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], cursor.End.ToUnixTimeSeconds());
        return OpaquePageToken.Encode(Kind, OpaquePageToken.Fingerprint(requestWithoutPaging), bytes);
    }

    /// <summary>The cursor a token carries; null for an empty token (the first page).</summary>
    public static Cursor? Decode(string token, IMessage requestWithoutPaging, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        var outcome = OpaquePageToken.Read(token, Kind, OpaquePageToken.Fingerprint(requestWithoutPaging), CursorLength..CursorLength, out var cursor);
        if (outcome == OpaquePageToken.Outcome.OtherRequest)
            throw new ValidationException(field, "belongs to a different query; keep listing_id, start_time and end_time unchanged when paging");
        if (outcome != OpaquePageToken.Outcome.Issued) throw new ValidationException(field, "is not a token this service issued");
        var after = BinaryPrimitives.ReadInt64LittleEndian(cursor);
        var end = BinaryPrimitives.ReadInt64LittleEndian(cursor.AsSpan(8));
        // Only times a slot query can name (and no arithmetic overflow near the edges of the calendar).
        var (earliest, latest) = (SlotQueryRules.Earliest.ToUnixTimeSeconds(), SlotQueryRules.Latest.ToUnixTimeSeconds());
        if (after < earliest || after >= latest || end <= after || end > latest)
            throw new ValidationException(field, "is not a token this service issued");
        return new Cursor(Instant.FromUnixTimeSeconds(after), Instant.FromUnixTimeSeconds(end));
    }
}

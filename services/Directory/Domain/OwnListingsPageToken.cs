using Google.Protobuf;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Paging;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// ListListings' page tokens (<see cref="OpaquePageToken"/>): the id of the previous page's last
/// listing, for a fingerprint of the caller and the request without its paging fields. The caller is
/// in the fingerprint because the list is "my listings": a token handed to someone else must not page
/// theirs from a point they never reached. A cursor, not an offset, so a listing created or deleted
/// between two pages neither repeats another one nor hides it.
/// <para>Cursor: the last id (UTF-8).</para>
/// </summary>
public static class OwnListingsPageToken
{
    /// <summary>Unlike a search (2) or open-slots (1) token, so theirs are refused here.</summary>
    private const byte Kind = 0x4C;
    /// <summary>Listing ids are at most 64 characters; a token carrying more was not issued here.</summary>
    private const int MaxIdBytes = 256;

    public static string Encode(string lastId, string ownerId, IMessage requestWithoutPaging) =>
        OpaquePageToken.Encode(Kind, OpaquePageToken.Fingerprint(requestWithoutPaging, ownerId), System.Text.Encoding.UTF8.GetBytes(lastId));

    /// <summary>The id the page a token asks for starts after; null for an empty token (the first page).</summary>
    public static string? Decode(string token, string ownerId, IMessage requestWithoutPaging, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        return OpaquePageToken.Read(token, Kind, OpaquePageToken.Fingerprint(requestWithoutPaging, ownerId), 1..MaxIdBytes, out var cursor) switch
        {
            OpaquePageToken.Outcome.OtherRequest =>
                throw new ValidationException(field, "was issued for another request (another caller, or other fields); start again from the first page"),
            OpaquePageToken.Outcome.Issued when OpaquePageToken.Utf8(cursor) is { } id => id,
            _ => throw new ValidationException(field, "is not a token this service issued"),
        };
    }
}

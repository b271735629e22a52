using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Paging;

namespace HealingNetwork.Profiles.Domain;

/// <summary>
/// ListProfiles' page tokens (<see cref="OpaquePageToken"/>): the id of the last profile of the
/// previous page, for a fingerprint of whose list it is. A cursor, not an offset, so a profile created
/// or deleted between two pages neither repeats another nor hides one. The fingerprint makes a token
/// from another caller a field violation instead of a silent walk through a list it was not issued for.
/// <para>Cursor: the last id (UTF-8).</para>
/// </summary>
public static class ProfilePageToken
{
    public const string Field = "page_token";
    private const byte Kind = 1;
    /// <summary>Longer than any profile id (32 hex characters); a token carrying more was not issued here.</summary>
    private const int MaxIdBytes = 64;

    public static string Encode(string lastId, string owner) =>
        OpaquePageToken.Encode(Kind, Fingerprint(owner), System.Text.Encoding.UTF8.GetBytes(lastId));

    /// <summary>
    /// The id the page a token asks for starts after; null for an empty token (the first page) and for a
    /// token that is not one of <paramref name="owner"/>'s, which is added to <paramref name="v"/>.
    /// </summary>
    public static string? Decode(string token, string owner, Violations v)
    {
        if (string.IsNullOrEmpty(token)) return null;
        switch (OpaquePageToken.Read(token, Kind, Fingerprint(owner), 1..MaxIdBytes, out var cursor))
        {
            case OpaquePageToken.Outcome.OtherRequest:
                v.Add(Field, "was issued for a different request (another person's list); start again from the first page without page_token");
                return null;
            case OpaquePageToken.Outcome.Issued when OpaquePageToken.Utf8(cursor) is { } id:
                return id;
            default:
                v.Add(Field, "is not a token this service issued; pass next_page_token of the previous page, or none for the first page");
                return null;
        }
    }

    /// <summary>Whose list: the request has no fields but its paging ones, so the owner alone tells lists apart.</summary>
    private static ulong Fingerprint(string owner) => OpaquePageToken.Fingerprint(new ListProfilesRequest(), owner);
}

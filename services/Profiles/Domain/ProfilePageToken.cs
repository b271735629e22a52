using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Profiles.Domain;

/// <summary>
/// Opaque page tokens of ListProfiles (AIP-158): the id of the last profile of the previous page and a
/// fingerprint of whose list it is. A cursor, not an offset, so a profile created or deleted between two
/// pages neither repeats another nor hides one. The fingerprint makes a token from another caller (or
/// another call) a field violation instead of a silent walk through a list it was not issued for; it is
/// no secret, because a cursor only says where the caller's own list resumes.
/// <para>Layout (base64url, no padding): version byte, fingerprint (8), last id (UTF-8).</para>
/// </summary>
public static class ProfilePageToken
{
    public const string Field = "page_token";
    private const byte Version = 1;
    private const int HeaderLength = 1 + 8;
    /// <summary>Longer than any profile id (32 hex characters); a token carrying more was not issued here.</summary>
    private const int MaxIdBytes = 64;

    public static string Encode(string lastId, string owner)
    {
        var bytes = new byte[HeaderLength + Encoding.UTF8.GetByteCount(lastId)];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1), Fingerprint(owner));
        Encoding.UTF8.GetBytes(lastId, bytes.AsSpan(HeaderLength));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// The id the page a token asks for starts after; null for an empty token (the first page) and for a
    /// token that is not one of <paramref name="owner"/>'s, which is added to <paramref name="v"/>.
    /// </summary>
    public static string? Decode(string token, string owner, Violations v)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[(HeaderLength + MaxIdBytes + 2) / 3 * 3];
        if (base64.Length > bytes.Length / 3 * 4 || !Convert.TryFromBase64String(base64, bytes, out var written)
            || written <= HeaderLength || bytes[0] != Version)
        {
            v.Add(Field, "is not a token this service issued; pass next_page_token of the previous page, or none for the first page");
            return null;
        }
        string id;
        try
        {
            id = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, HeaderLength, written - HeaderLength);
        }
        catch (DecoderFallbackException)
        {
            v.Add(Field, "is not a token this service issued; pass next_page_token of the previous page, or none for the first page");
            return null;
        }
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(1)) != Fingerprint(owner))
        {
            v.Add(Field, "was issued for a different request (another person's list); start again from the first page without page_token");
            return null;
        }
        return id;
    }

    /// <summary>Whose list, and which call's: a token of another call that happened to share the layout still differs here.</summary>
    private static ulong Fingerprint(string owner) =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes("healing.profiles.v1.ListProfiles\n" + owner)));
}

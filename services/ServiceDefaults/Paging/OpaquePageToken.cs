using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Google.Protobuf;

namespace HealingNetwork.ServiceDefaults.Paging;

/// <summary>
/// The envelope every page token (AIP-158) shares: a kind byte (which list, in which layout, so a
/// token of another list is told apart), a fingerprint of what the token pages (the request without
/// its paging fields, and for a caller's own list whose it is), and the cursor that list resumes
/// after, as base64url without padding. Each list reads and checks its own cursor; the envelope only
/// says whether the token is one of its kind and for this request. The fingerprint is no secret: a
/// cursor only says where a list resumes, so it guards against a token used with other fields, not
/// against forgery.
/// </summary>
public static class OpaquePageToken
{
    private const int HeaderLength = 1 + 8;

    /// <summary>What <see cref="Read"/> made of a token.</summary>
    public enum Outcome
    {
        /// <summary>A token of this kind for this request: its cursor is given.</summary>
        Issued,
        /// <summary>Not one of this kind: malformed, too long, another list's, or from an earlier layout.</summary>
        NotIssued,
        /// <summary>One of this kind, but for another request (other fields, or another caller).</summary>
        OtherRequest,
    }

    public static string Encode(byte kind, ulong fingerprint, ReadOnlySpan<byte> cursor)
    {
        var bytes = new byte[HeaderLength + cursor.Length];
        bytes[0] = kind;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1), fingerprint);
        cursor.CopyTo(bytes.AsSpan(HeaderLength));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The cursor of a token of <paramref name="kind"/> for the request with <paramref name="fingerprint"/>.</summary>
    /// <param name="cursorLength">The cursor's least and most length in bytes, both inclusive (16..16: exactly 16); a token with a cursor outside it was not issued here.</param>
    public static Outcome Read(string token, byte kind, ulong fingerprint, Range cursorLength, out byte[] cursor)
    {
        cursor = [];
        var (min, max) = (cursorLength.Start.Value, cursorLength.End.Value);
        var bytes = new byte[(HeaderLength + max + 2) / 3 * 3];
        if (!TryFromBase64Url(token, bytes, out var written) || written - HeaderLength < min || written - HeaderLength > max || bytes[0] != kind)
            return Outcome.NotIssued;
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(1)) != fingerprint) return Outcome.OtherRequest;
        cursor = bytes[HeaderLength..written];
        return Outcome.Issued;
    }

    /// <summary>Decodes base64url without padding into <paramref name="bytes"/>; false when it is not that or does not fit.</summary>
    public static bool TryFromBase64Url(string text, Span<byte> bytes, out int written)
    {
        written = 0;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        return base64.Length <= (bytes.Length + 2) / 3 * 4 && Convert.TryFromBase64String(base64, bytes, out written);
    }

    /// <summary>
    /// A fingerprint of <paramref name="request"/> (its paging fields cleared by the caller) and, for a
    /// list of the caller's own things, of <paramref name="owner"/>, length first so no owner and
    /// request bytes run together into another pair's.
    /// </summary>
    public static ulong Fingerprint(IMessage request, string? owner = null)
    {
        var hash = new XxHash64();
        if (owner is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(owner);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.Append(length);
            hash.Append(bytes);
        }
        hash.Append(request.ToByteArray());
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>A cursor's text (an id), or null when its bytes are not strict UTF-8 (the token was not issued here).</summary>
    public static string? Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
}

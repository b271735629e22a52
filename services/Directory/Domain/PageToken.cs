using System.Buffers.Binary;
using System.IO.Hashing;
using Google.Protobuf;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// Opaque page tokens (AIP-158): the next offset plus a fingerprint of the request, so a token
/// used with different filters is refused instead of silently paging a different result.
/// </summary>
public static class PageToken
{
    public static string Encode(int offset, IMessage requestWithoutToken)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, offset);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[4..], Fingerprint(requestWithoutToken));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The offset a token points at; 0 for an empty token.</summary>
    public static int Decode(string token, IMessage requestWithoutToken, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return 0;
        Span<byte> bytes = stackalloc byte[16];
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        if (token.Length > 32 || !Convert.TryFromBase64String(base64, bytes, out var written) || written != 12)
            throw new ValidationException(field, "is not a token this service issued");
        var offset = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (offset < 0 || BinaryPrimitives.ReadUInt64LittleEndian(bytes[4..12]) != Fingerprint(requestWithoutToken))
            throw new ValidationException(field, "belongs to a different query; keep every other field unchanged when paging");
        return offset;
    }

    private static ulong Fingerprint(IMessage request) => XxHash64.HashToUInt64(request.ToByteArray());
}

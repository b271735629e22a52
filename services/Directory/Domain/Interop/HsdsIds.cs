using System.Security.Cryptography;
using System.Text;

namespace HealingNetwork.Directory.Domain.Interop;

/// <summary>
/// HSDS ids are UUIDs. A service's id is its listing id (a UUID written without dashes); the
/// ids of its parts are derived from it (name-based, version 8), so an export is repeatable.
/// </summary>
public static class HsdsIds
{
    public static string Service(string listingId) =>
        Guid.TryParseExact(listingId, "N", out var id) ? id.ToString() : Part(listingId, "service");

    public static string Part(string listingId, string part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(listingId + "/" + part));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}

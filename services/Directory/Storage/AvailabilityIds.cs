using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Hold and booking ids carry their listing id ("{listingId}-{random}") so every key of one
/// listing's calendar shares the listing's hash tag: the Lua scripts touch only keys of one
/// Redis Cluster slot. A booking's id is derived from the hold it was confirmed from
/// (<see cref="BookingFor"/>), so a hold that is gone can be told apart from one already confirmed;
/// the derivation is one-way, so a booking id (which the listing's owner sees) reveals no hold id.
/// </summary>
public static class AvailabilityIds
{
    public static string New(string listingId) => $"{listingId}-{Guid.NewGuid():N}";

    /// <summary>The id of the booking confirmed from hold <paramref name="holdId"/> (an id <see cref="New"/> issued).</summary>
    public static string BookingFor(string holdId)
    {
        if (!TryListing(holdId, out var listingId)) throw new ArgumentException("Not a hold id.", nameof(holdId));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("booking:" + holdId));
        return $"{listingId}-{Convert.ToHexStringLower(digest.AsSpan(0, 16))}";
    }

    /// <summary>The listing part of an id this service issued; false for anything else.</summary>
    public static bool TryListing(string id, [NotNullWhen(true)] out string? listingId)
    {
        listingId = null;
        var dash = id.LastIndexOf('-');
        if (dash <= 0 || dash > 64 || id.Length - dash - 1 != 32) return false;
        foreach (var c in id.AsSpan(dash + 1)) if (!char.IsAsciiHexDigitLower(c)) return false;
        foreach (var c in id.AsSpan(0, dash)) if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-') return false;
        listingId = id[..dash];
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Hold and booking ids carry their listing id ("{listingId}-{random}") so every key of one
/// listing's calendar shares the listing's hash tag: the Lua scripts touch only keys of one
/// Redis Cluster slot.
/// </summary>
public static class AvailabilityIds
{
    public static string New(string listingId) => $"{listingId}-{Guid.NewGuid():N}";

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

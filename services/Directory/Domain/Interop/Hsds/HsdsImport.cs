using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// One import record: JSON → HSDS service → listing. Refuses what does not parse or map, with
/// every problem in one reason; the listing rules proper are checked by the write path.
/// </summary>
public static class HsdsImport
{
    public const int MaxRecordChars = 256 * 1024;

    public static bool TryRead(string json, out Listing listing, out string reason)
    {
        listing = new Listing();
        if (json.Length > MaxRecordChars) { reason = $"json: a record may be at most {MaxRecordChars} characters"; return false; }
        if (!HsdsJson.TryRead(json, out var service, out reason)) return false;
        var v = new Violations();
        listing = HsdsMapper.ToListing(service, v);
        reason = string.Join("; ", v.Items.Select(f => $"service.{f.Field}: {f.Description}"));
        return !v.Any;
    }
}

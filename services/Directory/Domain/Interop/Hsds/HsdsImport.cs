using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// One import record: JSON → HSDS service → listing. Refuses what does not parse or map, with
/// every problem in one reason naming fields as the HSDS record names them (<c>service.…</c>),
/// never as the listing or .NET does.
/// </summary>
public static class HsdsImport
{
    public const int MaxRecordChars = 256 * 1024;

    /// <summary>Reads and maps the record; the listing rules proper are left to the caller.</summary>
    public static bool TryRead(string json, out Listing listing, out string reason) =>
        TryRead(json, new HsdsFieldOrigins(), out listing, out reason);

    /// <summary>
    /// Reads and maps the record and checks the listing rules too, so that a refusal by the rules names
    /// the HSDS field the publisher wrote (the write path checks them again, in listing terms).
    /// </summary>
    public static bool TryRead(string json, ModalityTaxonomy taxonomy, out Listing listing, out string reason)
    {
        var origins = new HsdsFieldOrigins();
        if (!TryRead(json, origins, out listing, out reason)) return false;
        var v = new Violations();
        ListingRules.Validate(listing, taxonomy, v, prefix: "");
        reason = Reason(v.Items.Select(f => origins.Translate(f.Field, f.Description)));
        return !v.Any;
    }

    private static bool TryRead(string json, HsdsFieldOrigins origins, out Listing listing, out string reason)
    {
        listing = new Listing();
        if (json.Length > MaxRecordChars) { reason = $"json: a record may be at most {MaxRecordChars} characters"; return false; }
        if (!HsdsJson.TryRead(json, out var service, out reason)) return false;
        var v = new Violations();
        listing = HsdsMapper.ToListing(service, v, origins);
        reason = Reason(v.Items.Select(f => ($"service.{f.Field}", f.Description)));
        return !v.Any;
    }

    private static string Reason(IEnumerable<(string Field, string Description)> violations) =>
        string.Join("; ", violations.Select(f => $"{f.Field}: {f.Description}"));
}

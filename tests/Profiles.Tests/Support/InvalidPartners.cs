using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>One broken field each, applied to a valid free-text care partner, with the path the client must be told.</summary>
public static class InvalidPartners
{
    private static readonly Dictionary<string, (Action<CarePartner> Break, string Field)> Cases = new()
    {
        ["neither listing nor name"] = (p => p.Name = "", "partner.name"),
        ["name too long"] = (p => p.Name = new string('n', 121), "partner.name"),
        ["name with a line break"] = (p => p.Name = "Ana\nyoga teacher", "partner.name"),
        ["listing id too long"] = (p => p.ListingId = new string('l', 65), "partner.listing_id"),
        ["listing id with a line break"] = (p => p.ListingId = "0123456789abcdef\n0123456789abcdef", "partner.listing_id"),
        ["layer missing"] = (p => p.Layer = CareLayer.Unspecified, "partner.layer"),
        ["unknown layer"] = (p => p.Layer = (CareLayer)42, "partner.layer"),
        ["cadence missing"] = (p => p.Cadence = Cadence.Unspecified, "partner.cadence"),
        ["unknown cadence"] = (p => p.Cadence = (Cadence)42, "partner.cadence"),
        ["since not a date"] = (p => p.Since = "2024/03/01", "partner.since"),
        ["since in the future"] = (p => p.Since = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "partner.since"),
        ["unknown modality"] = (p => p.Modalities.Add("crystal-gazing-x"), "partner.modalities[1]"),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    /// <summary>A valid partner: a yoga teacher friend, body layer, regular cadence.</summary>
    public static CarePartner Valid() => new()
    {
        Name = "Ana, yoga teacher",
        Layer = CareLayer.Body,
        Cadence = Cadence.Regular,
        Since = "2023-05-01",
        Modalities = { "yoga-therapy" },
    };

    public static (CarePartner Partner, string Field) Make(string name)
    {
        var (breakIt, field) = Cases[name];
        var partner = Valid();
        breakIt(partner);
        return (partner, field);
    }
}

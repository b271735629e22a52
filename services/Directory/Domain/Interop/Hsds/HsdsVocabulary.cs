namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// How listing fields HSDS has no column for travel as HSDS attributes: each attribute names a
/// term of one of these taxonomies. Code lists (modalities, specialties, tags) are one attribute
/// per code; single values are a term of <see cref="ListingFields"/> whose code is the proto
/// field path and whose <c>value</c> is the text.
/// </summary>
public static class HsdsVocabulary
{
    public const string Modalities = "healingnetwork:modality";
    /// <summary>Specialties are NUCC Health Care Provider Taxonomy codes.</summary>
    public const string Nucc = "http://nucc.org/provider-taxonomy";
    public const string CollaboratesWith = "healingnetwork:collaborates-with";
    public const string LifestyleTags = "healingnetwork:lifestyle-tag";
    public const string BarterAccepted = "healingnetwork:barter-accepted";
    public const string ListingFields = "healingnetwork:listing-field";

    public const string LinkService = "service";
    public const string LinkLocation = "location";

    public const string FeeMin = "session-fee-min";
    public const string FeeMax = "session-fee-max";
    public const string SlidingScaleMin = "sliding-scale-min";

    public const string Physical = "physical";
    public const string Virtual = "virtual";
    public const string Active = "active";
    public const string ServiceRadiusKm = "service_radius_km";
}

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// HSDS 3.0 <c>attribute</c>: links an entity (<c>link_entity</c> "service" or "location",
/// <c>link_id</c>) to a taxonomy term, with an optional value. Carries what HSDS has no field for.
/// </summary>
public sealed class HsdsAttribute
{
    public string? Id { get; set; }
    public string? LinkId { get; set; }
    public string? LinkType { get; set; }
    public string? LinkEntity { get; set; }
    public string? TaxonomyTermId { get; set; }
    public HsdsTaxonomyTerm? TaxonomyTerm { get; set; }
    public string? Value { get; set; }
    public string? Label { get; set; }
}

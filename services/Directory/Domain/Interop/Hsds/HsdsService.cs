namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// HSDS 3.0 <c>service</c> in the compiled form (related objects embedded): one listing.
/// Only the fields the directory reads or writes are declared; others are ignored on import.
/// </summary>
public sealed class HsdsService
{
    public string? Id { get; set; }
    public string? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>"active", "inactive", "defunct" or "temporarily closed".</summary>
    public string? Status { get; set; }
    public string? FeesDescription { get; set; }
    /// <summary>Free-text licences (a human-readable copy of the licensure attributes).</summary>
    public string? Licenses { get; set; }
    /// <summary>ISO 8601 date the listing's owner last confirmed it.</summary>
    public string? AssuredDate { get; set; }
    public HsdsOrganization? Organization { get; set; }
    public List<HsdsServiceAtLocation>? ServiceAtLocations { get; set; }
    public List<HsdsSchedule>? Schedules { get; set; }
    public List<HsdsLanguage>? Languages { get; set; }
    public List<HsdsCostOption>? CostOptions { get; set; }
    public List<HsdsAttribute>? Attributes { get; set; }
}

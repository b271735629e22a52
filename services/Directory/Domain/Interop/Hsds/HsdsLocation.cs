namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>HSDS 3.0 <c>location</c>; <c>location_type</c> "physical" or "virtual" (telehealth).</summary>
public sealed class HsdsLocation
{
    public string? Id { get; set; }
    public string? LocationType { get; set; }
    public string? Name { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public List<HsdsAddress>? Addresses { get; set; }
    public List<HsdsAttribute>? Attributes { get; set; }
}

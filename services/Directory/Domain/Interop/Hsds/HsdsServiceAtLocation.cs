namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>HSDS 3.0 <c>service_at_location</c>: the service offered at one location.</summary>
public sealed class HsdsServiceAtLocation
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? LocationId { get; set; }
    public HsdsLocation? Location { get; set; }
}

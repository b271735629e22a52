namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>HSDS 3.0 <c>organization</c>: a practice is an organization of one.</summary>
public sealed class HsdsOrganization
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
}

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>HSDS 3.0 <c>language</c>: a language the service is offered in (BCP 47 code).</summary>
public sealed class HsdsLanguage
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
}

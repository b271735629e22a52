namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>HSDS 3.0 <c>taxonomy_term</c>: a code in a named taxonomy.</summary>
public sealed class HsdsTaxonomyTerm
{
    public string? Id { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Taxonomy { get; set; }
    public string? TermUri { get; set; }
}

using HealingNetwork.Profiles.Domain;
using HealingNetwork.ServiceDefaults.Taxonomy;

namespace HealingNetwork.Profiles.Api;

/// <summary>Modality codes from the Directory's taxonomy.</summary>
public sealed class DirectoryModalityCatalog(TaxonomyClient taxonomy) : IModalityCatalog
{
    public Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken) => taxonomy.CodesAsync(cancellationToken);
}

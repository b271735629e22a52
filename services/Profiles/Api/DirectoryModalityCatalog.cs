using HealingNetwork.Profiles.Domain;
using HealingNetwork.ServiceDefaults.Taxonomy;

namespace HealingNetwork.Profiles.Api;

/// <summary>Modality codes from the Directory's taxonomy.</summary>
public sealed class DirectoryModalityCatalog(TaxonomyClient taxonomy) : IModalityCatalog
{
    public async Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken) =>
        (await taxonomy.ModalitiesAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
}

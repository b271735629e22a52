namespace HealingNetwork.Profiles.Domain;

/// <summary>The modality codes the directory knows (its taxonomy is the reference).</summary>
public interface IModalityCatalog
{
    Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken);
}

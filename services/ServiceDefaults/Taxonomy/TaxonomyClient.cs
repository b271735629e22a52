using HealingNetwork.Directory.V1;

namespace HealingNetwork.ServiceDefaults.Taxonomy;

/// <summary>
/// The modality taxonomy as the Directory service publishes it, kept for ten minutes (it changes
/// only with a release). When Directory is down the call fails with UNAVAILABLE.
/// </summary>
public sealed class TaxonomyClient(DirectoryService.DirectoryServiceClient directory, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private volatile Snapshot? _cached;

    public async Task<IReadOnlyDictionary<string, Modality>> ModalitiesAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && cached.Expires > clock.GetUtcNow()) return cached.ByCode;
        var response = await directory.ListModalitiesAsync(new ListModalitiesRequest(),
            deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
        var snapshot = new Snapshot(response.Modalities.ToDictionary(m => m.Code, StringComparer.Ordinal), clock.GetUtcNow() + Lifetime);
        _cached = snapshot;
        return snapshot.ByCode;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, Modality> ByCode, DateTimeOffset Expires);
}

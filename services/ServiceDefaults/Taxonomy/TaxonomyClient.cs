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

    public async Task<IReadOnlyDictionary<string, Modality>> ModalitiesAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).ByCode;

    /// <summary>The taxonomy's codes, as a set built once per refresh (validation asks on every write).</summary>
    public async Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Codes;

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && cached.Expires > clock.GetUtcNow()) return cached;
        var response = await directory.ListModalitiesAsync(new ListModalitiesRequest(),
            deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
        var byCode = response.Modalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var snapshot = new Snapshot(byCode, byCode.Keys.ToHashSet(StringComparer.Ordinal), clock.GetUtcNow() + Lifetime);
        _cached = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, Modality> ByCode, IReadOnlySet<string> Codes, DateTimeOffset Expires);
}

using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Domain;

namespace HealingNetwork.Profiles.Api;

/// <summary>
/// The taxonomy's codes, asked of the Directory service and kept for ten minutes (it changes
/// only with a release). When Directory is down the call fails with UNAVAILABLE.
/// </summary>
public sealed class DirectoryModalityCatalog(DirectoryService.DirectoryServiceClient directory, TimeProvider clock) : IModalityCatalog
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private (IReadOnlySet<string> Codes, DateTimeOffset Expires)? _cached;

    public async Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } c && c.Expires > clock.GetUtcNow()) return c.Codes;
        var response = await directory.ListModalitiesAsync(new ListModalitiesRequest(),
            deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
        var codes = response.Modalities.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        _cached = (codes, clock.GetUtcNow() + Lifetime);
        return codes;
    }
}

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Runs before the index feed and the demo seeder start (hosted services start in registration
/// order, before Kestrel listens): converts a store written by an older Directory to the current
/// listing key layout, so an upgrade keeps every listing.
/// </summary>
public sealed class ListingLayoutMigration(RedisListingStore store, ILogger<ListingLayoutMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var moved = await store.MigrateLayoutAsync(cancellationToken);
        if (moved > 0) logger.LogInformation("Converted {Count} listings to the current store layout", moved);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

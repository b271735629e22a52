namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Runs before the index feed and the demo seeder start (hosted services start in registration
/// order, before Kestrel listens): converts a store written by an older Directory to the current
/// listing key layout, so an upgrade keeps every listing and ListListings finds the listings owners
/// made before it had an index to read.
/// </summary>
public sealed class ListingLayoutMigration(RedisListingStore store, ILogger<ListingLayoutMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (converted, indexed) = await store.MigrateLayoutAsync(cancellationToken);
        if (converted > 0) logger.LogInformation("Converted {Count} listings to the current store layout", converted);
        if (indexed > 0) logger.LogInformation("Added {Count} earlier listings to their owners' indexes", indexed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

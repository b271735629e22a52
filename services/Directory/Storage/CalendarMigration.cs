namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Runs before Kestrel listens (hosted services start first): brings bookings written by an older
/// Directory into the current availability layout (<see cref="RedisAvailabilityStore.MigrateLayoutAsync"/>):
/// confirmed ones into their listings' calendars, so they keep overlapping holds out, and cancelled
/// ones into their listings' cancelled index, so owners still see them.
/// </summary>
public sealed class CalendarMigration(RedisAvailabilityStore store, ILogger<CalendarMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var added = await store.MigrateLayoutAsync(cancellationToken);
        if (added > 0) logger.LogInformation("Added {Count} earlier bookings to their listings' calendars and cancelled indexes", added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

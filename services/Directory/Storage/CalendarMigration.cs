namespace HealingNetwork.Directory.Storage;

/// <summary>
/// Runs before Kestrel listens (hosted services start first): puts the confirmed bookings of a store
/// written by an older Directory into their listings' calendars, so they keep overlapping holds out.
/// </summary>
public sealed class CalendarMigration(RedisAvailabilityStore store, ILogger<CalendarMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var added = await store.MigrateCalendarAsync(cancellationToken);
        if (added > 0) logger.LogInformation("Added {Count} earlier bookings to their listings' calendars", added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using HealingNetwork.Directory.Api;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Availability;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// In Development, seeds `Directory:SeedListings` synthetic listings (owner "demo") on the first
/// start against an empty store, with weekly hours for most of them, so a new user sees a living
/// directory with open slots at once.
/// </summary>
public sealed class DemoDataSeeder(
    ListingWriter writer, IAvailabilityStore availability, AvailabilityGeneration generation, IConnectionMultiplexer redis, IOptions<DirectoryOptions> options,
    IHostEnvironment environment, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    public const string DemoOwner = "demo";
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = options.Value.SeedListings;
        if (count <= 0 || !environment.IsDevelopment()) return;
        try
        {
            // SETNX makes the seeding happen once, even with several replicas starting together.
            if (!await redis.GetDatabase().StringSetAsync("directory:seeded", DateTimeOffset.UtcNow.ToString("O"), when: When.NotExists)) return;
            if (await redis.GetDatabase().SetLengthAsync(RedisListingStore.IdsKey) > 0) return;
            var stored = 0;
            foreach (var batch in SyntheticListings.Generate(count, seed: 42, now: writer.Now).Chunk(BatchSize))
            {
                var (created, _) = await writer.CreateManyAsync(batch.Select((l, i) => (stored + i, l)).ToArray(), DemoOwner, stoppingToken);
                // Most practices publish hours, so matches show real earliest slots; a few don't.
                await Task.WhenAll(created.Where((_, i) => i % 8 != 0)
                    .Select(l => availability.SaveScheduleAsync(SyntheticSchedules.For(l), stoppingToken)));
                // A match made between the listings' write and their hours' must not stay cached as "no published hours".
                await generation.BumpAsync();
                stored += created.Count;
            }
            logger.LogInformation("Seeded {Count} synthetic listings for development", stored);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Demo data not seeded, store unavailable: {Reason}", ex.Message);
        }
    }
}

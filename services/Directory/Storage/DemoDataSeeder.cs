using HealingNetwork.Directory.Api;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Availability;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// In Development, seeds `Directory:SeedListings` synthetic listings (owner "demo") on the first
/// start against an empty store, with weekly hours for most of them, so a new user sees a living
/// directory with open slots at once. Key layout:
/// <code>
/// directory:seeding   string  set when seeding starts (the store was empty then): a later start resumes
/// directory:seeded    string  set when every demo listing and its hours are stored: nothing more to do
/// </code>
/// Seeding is idempotent, so a store timeout half way (seen on a busy machine, where a first start
/// stored 500 of 2,000 and served a quarter of the directory until a restart) is retried by the same
/// start (<see cref="Retry"/>), and failing that finished by the next one; replicas starting
/// together may both run it: each demo listing has an id derived from its position, stored only if
/// absent, and its hours are written whole, so a re-run duplicates nothing.
/// </summary>
public sealed class DemoDataSeeder(
    ListingWriter writer, IAvailabilityStore availability, AvailabilityGeneration generation, IConnectionMultiplexer redis, IOptions<DirectoryOptions> options,
    IHostEnvironment environment, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    public const string DemoOwner = "demo";
    public const string SeedingKey = "directory:seeding";
    public const string SeededKey = "directory:seeded";
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = options.Value.SeedListings;
        if (count <= 0 || !environment.IsDevelopment()) return;
        var db = redis.GetDatabase();
        try
        {
            if (await db.KeyExistsAsync(SeededKey)) return;
            if (!await db.KeyExistsAsync(SeedingKey))
            {
                // Never seed over someone's real data: only a store that was empty when seeding began.
                if (await db.SetLengthAsync(RedisListingStore.IdsKey) > 0) return;
                await db.StringSetAsync(SeedingKey, DateTimeOffset.UtcNow.ToString("O"), when: When.NotExists);
            }
            var added = await Retry.ExecuteAsync(SeedAsync, count, stoppingToken);
            await db.StringSetAsync(SeededKey, DateTimeOffset.UtcNow.ToString("O"));
            await db.KeyDeleteAsync(SeedingKey);
            logger.LogInformation("Seeded {Count} synthetic listings for development ({Added} added by this start)", count, added);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Demo data not fully seeded, store unavailable; the next start finishes it: {Reason}", ex.Message);
        }
    }

    /// <summary>Store timeouts while seeding: five more tries over about a minute (2, 4, 8, 16, 32 s, with jitter).</summary>
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    private async ValueTask<int> SeedAsync(int count, CancellationToken stoppingToken)
    {
        var added = 0;
        var listings = SyntheticListings.Generate(count, seed: 42, now: writer.Now).Select((l, i) =>
        {
            l.Id = DemoListingId(i);
            return (Index: i, Listing: l);
        });
        foreach (var batch in listings.Chunk(BatchSize))
        {
            var (created, _) = await writer.CreateManyAsync(batch, DemoOwner, stoppingToken, keepIds: true);
            // Most practices publish hours, so matches show real earliest slots; a few don't. Written for the
            // whole batch, not only what this run added: an earlier run may have stored listings and died before their hours.
            await Task.WhenAll(batch.Where(x => x.Index % 8 != 0)
                .Select(x => availability.SaveScheduleAsync(SyntheticSchedules.For(x.Listing), stoppingToken)));
            // A match made between the listings' write and their hours' must not stay cached as "no published hours".
            await generation.BumpAsync();
            added += created.Count;
        }
        return added;
    }

    /// <summary>The id of the demo listing at <paramref name="index"/>: the same on every run, a GUID like any other id.</summary>
    public static string DemoListingId(int index) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"healingnetwork-demo-listing-{index}"))[..16]).ToString("N");
}

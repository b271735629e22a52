using System.Reflection;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.Store;
using HealingNetwork.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Tests.Storage;

/// <summary>The demo seeder on a store of its own (it seeds only an empty store), started as the AppHost starts it, in Development.</summary>
public sealed class DemoDataSeederTests
{
    private const int Listings = 1_100; // three batches of at most 500

    [Fact]
    public async Task A_seed_cut_short_by_a_store_timeout_is_finished_by_the_same_start_without_duplicates()
    {
        using var store = new EmbeddedStore(TestStore.FreePort(), TempFolder.New("seeder-tests"));
        store.Start();
        var connection = $"127.0.0.1:{store.Port}";
        using var redis = await ConnectionMultiplexer.ConnectAsync(connection);
        var db = redis.GetDatabase();

        var timedOut = new TaskCompletionSource();
        await using var host = Directory(connection, services => services.AddSingleton<IListingStore>(sp =>
            TimesOutOnSecondBatch.Wrap(sp.GetRequiredService<RedisListingStore>(), timedOut)));
        _ = host.Server;
        await timedOut.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitForAsync(() => db.KeyExistsAsync(DemoDataSeeder.SeededKey));

        Assert.Equal(Listings, await db.SetLengthAsync(RedisListingStore.IdsKey));
        var directory = new DirectoryService.DirectoryServiceClient(host.Channel());
        var last = await directory.GetListingAsync(new GetListingRequest { Id = DemoDataSeeder.DemoListingId(Listings - 1) });
        Assert.Equal(DemoDataSeeder.DemoOwner, last.OwnerId);
        Assert.False(await db.KeyExistsAsync(DemoDataSeeder.SeedingKey));
    }

    [Fact]
    public async Task A_seed_left_unfinished_by_an_earlier_start_is_finished_by_the_next_without_duplicates()
    {
        using var store = new EmbeddedStore(TestStore.FreePort(), TempFolder.New("seeder-tests"));
        store.Start();
        var connection = $"127.0.0.1:{store.Port}";
        using var redis = await ConnectionMultiplexer.ConnectAsync(connection);
        var db = redis.GetDatabase();
        // What a start that died after its first batch leaves: the marker, and some of the listings.
        await db.StringSetAsync(DemoDataSeeder.SeedingKey, "earlier");
        await using (var first = Directory(connection, seed: 500)) { _ = first.Server; await WaitForAsync(() => db.KeyExistsAsync(DemoDataSeeder.SeededKey)); }
        await db.KeyDeleteAsync(DemoDataSeeder.SeededKey);
        await db.StringSetAsync(DemoDataSeeder.SeedingKey, "earlier");
        Assert.Equal(500, await db.SetLengthAsync(RedisListingStore.IdsKey));

        await using var second = Directory(connection);
        _ = second.Server;
        await WaitForAsync(() => db.KeyExistsAsync(DemoDataSeeder.SeededKey));

        Assert.Equal(Listings, await db.SetLengthAsync(RedisListingStore.IdsKey));
        Assert.False(await db.KeyExistsAsync(DemoDataSeeder.SeedingKey));
    }

    private static ServiceHost<Directory.Api.DirectoryApi> Directory(string connection, Action<IServiceCollection>? services = null, int seed = Listings) =>
        new(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = connection,
            ["Auth:SigningKey"] = Tokens.SigningKey,
            ["Directory:IndexPath"] = TempFolder.New("seeder-index"),
            ["Directory:SeedListings"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, null, builder =>
        {
            builder.UseEnvironment("Development");
            if (services is not null) builder.ConfigureTestServices(services);
        });

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the seeder");
            await Task.Delay(100);
        }
    }

    /// <summary>The real listing store, except that the second bulk create times out (RedisTimeoutException is a TimeoutException).</summary>
    public class TimesOutOnSecondBatch : DispatchProxy
    {
        private IListingStore _inner = null!;
        private TaskCompletionSource _timedOut = null!;
        private int _bulkCreates;

        public static IListingStore Wrap(IListingStore inner, TaskCompletionSource timedOut)
        {
            var proxy = Create<IListingStore, TimesOutOnSecondBatch>();
            var self = (TimesOutOnSecondBatch)(object)proxy;
            (self._inner, self._timedOut) = (inner, timedOut);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IListingStore.CreateManyAsync) && Interlocked.Increment(ref _bulkCreates) == 2)
            {
                _timedOut.TrySetResult();
                return Task.FromException<IReadOnlyList<bool>>(new TimeoutException("Timeout performing EVALSHA (test)"));
            }
            return method.Invoke(_inner, args);
        }
    }
}

using System.Collections.Concurrent;
using HealingNetwork.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace HealingNetwork.Reliability.Tests;

/// <summary>
/// Every write the store acknowledged is there after the store is SIGKILLed under load and
/// restarted: on the embedded Garnet as the AppHost runs it (AOF, commit wait, recover) and on
/// redis-server as the README advises (appendonly yes, appendfsync always).
/// </summary>
public sealed class StoreDurabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Garnet_keeps_every_acknowledged_write_across_kill_9()
    {
        var dir = Path.Combine(Path.GetTempPath(), "healing-durability", Guid.NewGuid().ToString("N"));
        using var store = StoreProcess.Garnet(TestStore.FreePort(), dir);
        await KillUnderLoadAndVerify(store);
    }

    [Fact]
    public async Task Redis_server_keeps_every_acknowledged_write_across_kill_9()
    {
        var dir = Path.Combine(Path.GetTempPath(), "healing-durability", Guid.NewGuid().ToString("N"));
        using var store = StoreProcess.Redis(TestStore.FreePort(), dir);
        if (store is null)
        {
            output.WriteLine("redis-server is not installed; .ci/run installs it.");
            return;
        }
        await KillUnderLoadAndVerify(store);
    }

    /// <summary>
    /// Records that no longer fit in the store's memory are kept on disk, not dropped: with 8 MB of
    /// log in memory, about 21 MB of hashes and then strings leave all of
    /// them readable, and all of them are there after kill -9 and a restart. (Garnet without a
    /// storage tier loses the oldest records once its log memory is full; with its default 16 GB
    /// the process grows until then.)
    /// </summary>
    [Fact]
    public async Task Garnet_keeps_on_disk_what_no_longer_fits_in_memory_across_kill_9()
    {
        var dir = Path.Combine(Path.GetTempPath(), "healing-durability", Guid.NewGuid().ToString("N"));
        using var store = StoreProcess.Garnet(TestStore.FreePort(), dir, new HealingNetwork.Store.StoreMemory("8m", "1m"));
        await store.StartAsync();
        const int Strings = 40_000, Hashes = 2_000;
        static string Value(int i) => $"{i}:" + new string((char)('a' + i % 26), 500);

        async Task<int> CountIntact(IDatabase db)
        {
            var intact = 0;
            foreach (var chunk in Enumerable.Range(0, Strings).Chunk(1_000))
            {
                var batch = db.CreateBatch();
                var reads = chunk.Select(i => batch.StringGetAsync($"spill:{{{i % 16}}}:{i}")).ToArray();
                batch.Execute();
                var values = await Task.WhenAll(reads);
                intact += chunk.Where((i, k) => values[k] == Value(i)).Count();
            }
            foreach (var chunk in Enumerable.Range(0, Hashes).Chunk(1_000))
            {
                var batch = db.CreateBatch();
                var reads = chunk.Select(i => batch.HashGetAsync($"spill-hash:{{{i % 16}}}:{i}", "value")).ToArray();
                batch.Execute();
                var values = await Task.WhenAll(reads);
                intact += chunk.Where((i, k) => values[k] == Value(i)).Count();
            }
            return intact;
        }

        using (var redis = await ConnectForColdReads(store.Port))
        {
            var db = redis.GetDatabase();
            foreach (var chunk in Enumerable.Range(0, Hashes).Chunk(500))
            {
                var batch = db.CreateBatch();
                var writes = chunk.Select(i => batch.HashSetAsync($"spill-hash:{{{i % 16}}}:{i}", "value", Value(i))).ToArray();
                batch.Execute();
                await Task.WhenAll(writes);
            }
            foreach (var chunk in Enumerable.Range(0, Strings).Chunk(500))
            {
                var batch = db.CreateBatch();
                var writes = chunk.Select(i => batch.StringSetAsync($"spill:{{{i % 16}}}:{i}", Value(i))).ToArray();
                batch.Execute();
                await Task.WhenAll(writes);
            }
            Assert.Equal(Strings + Hashes, await CountIntact(db));
            store.Kill();
        }

        var recovery = await store.StartAsync();
        using var again = await ConnectForColdReads(store.Port);
        var intactAfterRestart = await CountIntact(again.GetDatabase());
        output.WriteLine($"{Strings + Hashes} keys (~{(Strings + Hashes) * 0.5:0} KB) with 8 MB in memory: {intactAfterRestart} intact after kill -9, back in {recovery.TotalMilliseconds:0} ms");
        Assert.Equal(Strings + Hashes, intactAfterRestart);
    }

    /// <summary>
    /// A connection that waits up to a minute for a reply. Reading a thousand records back from the
    /// disk tier took 0.3-0.5 s here but over 5 s (the client's default timeout) on a busy CI
    /// machine; these tests are about what survives, not how fast cold reads are.
    /// </summary>
    private static Task<ConnectionMultiplexer> ConnectForColdReads(int port)
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{port}");
        options.SyncTimeout = options.AsyncTimeout = 60_000;
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    private async Task KillUnderLoadAndVerify(StoreProcess store)
    {
        await store.StartAsync();
        var acknowledged = new ConcurrentBag<string>();
        var options = ConfigurationOptions.Parse($"127.0.0.1:{store.Port}");
        options.AbortOnConnectFail = false;
        options.ConnectRetry = 0;
        using (var redis = await ConnectionMultiplexer.ConnectAsync(options))
        {
            var db = redis.GetDatabase();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var key = $"durable:{{{w}}}:{i}";
                    try
                    {
                        // A hash and a sorted-set member per write, like a listing plus its change-feed entry.
                        await db.HashSetAsync(key, [new HashEntry("data", i), new HashEntry("writer", w)]);
                        await db.SortedSetAddAsync($"durable-feed:{{{w}}}", key, i);
                        acknowledged.Add(key);
                    }
                    catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
                    {
                        return;
                    }
                }
            })).ToArray();
            // At least 2 s of writes and enough of them to prove something; a busy machine fsyncs slower.
            var writing = System.Diagnostics.Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(2));
            while (acknowledged.Count < 300 && writing.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
            store.Kill();
            stop.Cancel();
            await Task.WhenAll(writers);
        }
        // Both stores fsync the AOF before replying (Garnet commit wait, Redis appendfsync always).
        var recovery = await store.StartAsync();

        using var again = await ConnectForColdReads(store.Port);
        var db2 = again.GetDatabase();
        var keys = acknowledged.ToArray();
        var lost = 0;
        foreach (var chunk in keys.Chunk(500))
        {
            var batch = db2.CreateBatch();
            var checks = chunk.Select(k => batch.KeyExistsAsync(k)).ToArray();
            batch.Execute();
            lost += (await Task.WhenAll(checks)).Count(e => !e);
        }
        output.WriteLine($"{store.Kind}: {keys.Length} writes acknowledged, {lost} lost, back in {recovery.TotalMilliseconds:0} ms after restart");
        Assert.True(keys.Length > 100, "too few writes to prove anything");
        Assert.Equal(0, lost);
    }
}

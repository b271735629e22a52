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

        using var again = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{store.Port}");
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

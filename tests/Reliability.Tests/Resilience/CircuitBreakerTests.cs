using System.Diagnostics;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Resilience;
using HealingNetwork.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealingNetwork.Reliability.Tests.Resilience;

/// <summary>
/// Calls between services, with the registration the services use
/// (<see cref="InternalGrpcClientRegistration"/>): a hung downstream opens the circuit after its
/// calls run into deadlines; while open, calls fail at once with UNAVAILABLE and never reach the
/// network (a write cannot be half-sent); after the break one trial call goes through and a healthy
/// service closes it. A downstream that refuses connections fails calls at once and is used again
/// within the capped reconnect backoff after it restarts.
/// </summary>
public sealed class CircuitBreakerTests
{
    // Long enough that the open circuit is still open for the calls right after it opened on a busy
    // machine: with 1 s, a read's retry backoff under CI load (load average 37) outlasted the break and
    // its half-open trial call ran into the hung service's deadline instead of "circuit open".
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Calls_to_a_hung_service_run_into_deadlines_then_the_circuit_opens_and_closes_again_when_it_answers()
    {
        var port = TestStore.FreePort();
        await using var server = await CountingDirectory.StartAsync(port);
        await using var clients = Clients(port);
        var directory = clients.GetRequiredService<DirectoryService.DirectoryServiceClient>();
        server.Hang = true;

        // The service accepts calls but never answers: each call waits out its deadline.
        var outcomes = new List<RpcException>();
        for (var i = 0; i < 6; i++)
            outcomes.Add(await Assert.ThrowsAsync<RpcException>(() => directory.GetListingAsync(
                new GetListingRequest { Id = "lst_1" }, deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync));
        Assert.Equal(StatusCode.DeadlineExceeded, outcomes[0].StatusCode);
        var open = outcomes[^1];
        Assert.Equal(StatusCode.Unavailable, open.StatusCode);
        Assert.Contains("circuit open", open.Status.Detail);
        var reached = server.Calls;

        // While open, a write fails at once and never leaves the process.
        var clock = Stopwatch.StartNew();
        var paused = await Assert.ThrowsAsync<RpcException>(() => directory.CreateListingAsync(
            new CreateListingRequest { Listing = Samples.Naturopath() }, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, paused.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"an open circuit answers at once, took {clock.Elapsed}");
        Assert.Equal(reached, server.Calls);

        // The service recovers; after the break a trial call goes through and closes the circuit.
        server.Hang = false;
        await Task.Delay(BreakDuration + TimeSpan.FromMilliseconds(200));
        Assert.Equal("lst_1", (await directory.GetListingAsync(new GetListingRequest { Id = "lst_1" })).Id);
        for (var i = 0; i < 5; i++) await directory.GetListingAsync(new GetListingRequest { Id = "lst_1" });
        Assert.Equal(reached + 6, server.Calls);
    }

    [Fact]
    public async Task A_service_that_refuses_connections_fails_calls_at_once_and_is_used_again_soon_after_it_restarts()
    {
        var port = TestStore.FreePort();
        await using var clients = Clients(port);
        var directory = clients.GetRequiredService<DirectoryService.DirectoryServiceClient>();

        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            var down = await Assert.ThrowsAsync<RpcException>(() => directory.CreateListingAsync(
                new CreateListingRequest { Listing = Samples.Naturopath() }, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, down.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"a refused connection fails fast, took {clock.Elapsed}");
        }
        // Long enough that an uncapped backoff (1 s × 1.6ⁿ: attempts near 1, 2.6, 5.2, 9.3, 15.8 s) would
        // next try several seconds after the restart.
        await Task.Delay(TimeSpan.FromSeconds(10));

        await using var server = await CountingDirectory.StartAsync(port);
        var restarted = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await directory.GetListingAsync(new GetListingRequest { Id = "lst_1" }, deadline: DateTime.UtcNow.AddSeconds(5));
                break;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && restarted.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
        // The capped backoff with gRPC's ±20 % jitter, plus one break of the circuit the failed calls
        // opened (a trial call made before the reconnect fails and opens it again), plus slack for a
        // busy machine.
        var bound = InternalGrpcClientRegistration.ReconnectBackoffCap * 1.2 + BreakDuration + TimeSpan.FromSeconds(1);
        Assert.True(restarted.Elapsed <= bound,
            $"used again {restarted.Elapsed} after the restart");
    }

    [Fact]
    public async Task Answers_with_error_statuses_are_the_service_working_and_never_open_the_circuit()
    {
        var port = TestStore.FreePort();
        await using var server = await CountingDirectory.StartAsync(port);
        await using var clients = Clients(port);
        var directory = clients.GetRequiredService<DirectoryService.DirectoryServiceClient>();

        for (var i = 0; i < 20; i++)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => directory.GetListingAsync(new GetListingRequest { Id = "missing" }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        }
        Assert.Equal(20, server.Calls);
    }

    /// <summary>The DI container a service builds, with a short break so the test runs quickly.</summary>
    private static ServiceProvider Clients(int port)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Resilience:CircuitBreaker:MinimumThroughput"] = "4",
            ["Resilience:CircuitBreaker:BreakDuration"] = BreakDuration.ToString(),
        }).Build());
        services.AddInternalGrpcClient<DirectoryService.DirectoryServiceClient>(new Uri($"http://127.0.0.1:{port}"), DirectoryService.Descriptor);
        return services.BuildServiceProvider();
    }

    /// <summary>A Directory endpoint on a real port that knows one listing and counts the calls it receives.</summary>
    private sealed class CountingDirectory : DirectoryService.DirectoryServiceBase, IAsyncDisposable
    {
        private int _calls;
        private WebApplication? _app;

        public int Calls => Volatile.Read(ref _calls);

        /// <summary>While true, calls are accepted and never answered (until the caller gives up).</summary>
        public volatile bool Hang;

        public static async Task<CountingDirectory> StartAsync(int port)
        {
            var service = new CountingDirectory();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2));
            builder.Services.AddGrpc();
            builder.Services.AddSingleton(service);
            service._app = builder.Build();
            service._app.MapGrpcService<CountingDirectory>();
            await service._app.StartAsync();
            return service;
        }

        public override async Task<Listing> GetListing(GetListingRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            if (Hang) await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return request.Id == "lst_1" ? new Listing { Id = "lst_1" } : throw new RpcException(new Status(StatusCode.NotFound, "no such listing"));
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null) await _app.DisposeAsync();
        }
    }
}

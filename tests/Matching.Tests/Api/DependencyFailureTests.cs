using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using HealingNetwork.Matching.V1;
using HealingNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace HealingNetwork.Matching.Tests.Api;

/// <summary>
/// Matching in front of a dependency that is down (nothing listens: UNAVAILABLE quickly) or hung
/// (accepts connections, never answers): the caller's deadline reaches the downstream call, and
/// without one Matching's own cap (<see cref="Matching.Api.Downstream.MaxDeadline"/>) ends the wait.
/// </summary>
[Collection(MatchingSystemCollection.Name)]
public sealed class DependencyFailureTests(MatchingSystem fixture)
{
    [Fact]
    public async Task Matching_answers_unavailable_within_six_seconds_when_directory_is_down()
    {
        await using var matching = MatchingWith("directory", $"http://127.0.0.1:{TestStore.FreePort()}");
        var (client, request, token) = await FindMatchesCallAsync(matching);

        var clock = Stopwatch.StartNew();
        await RpcAssert.FailsWith(StatusCode.Unavailable, () => client.FindMatchesAsync(request, token).ResponseAsync);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("directory")]
    [InlineData("profiles")]
    public async Task The_callers_deadline_reaches_a_hung_dependency(string hung)
    {
        using var blackHole = new BlackHole();
        await using var matching = MatchingWith(hung, blackHole.Address);
        var (client, request, token) = await FindMatchesCallAsync(matching);
        // The host opens its store connection on first use, synchronously: on a busy CI machine that
        // took the whole 1 s deadline before the call reached the dependency. Open it beforehand.
        await matching.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();

        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.FindMatchesAsync(request, token.WithDeadline(DateTime.UtcNow.AddSeconds(1))).ResponseAsync);

        // The server ends an expired call with a stream reset; over a socket the client's own deadline
        // timer reports DEADLINE_EXCEEDED, but the in-memory test transport can surface the reset
        // first, as the reset itself or as a cancelled call. Either way the deadline ended it.
        var ended = clock.Elapsed;
        Assert.True(ex.StatusCode == StatusCode.DeadlineExceeded
            || ((ex.StatusCode == StatusCode.Cancelled || ex.Status.Detail.Contains("HttpResetTestException", StringComparison.Ordinal)) && ended >= TimeSpan.FromSeconds(0.9)),
            $"expected DeadlineExceeded, got {ex.StatusCode} after {ended}: {ex.Status.Detail}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed} with a 1 s deadline");
        // The black hole counts a connection when its accept loop runs, which may trail the call's end.
        var accepting = Stopwatch.StartNew();
        while (blackHole.Accepted == 0 && accepting.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(20);
        Assert.True(blackHole.Accepted > 0, $"the hung dependency was never called (the call ended with {ex.StatusCode} after {ended})");
    }

    [Fact]
    public async Task Without_a_callers_deadline_matching_gives_up_on_a_hung_directory_after_its_own_cap()
    {
        using var blackHole = new BlackHole();
        await using var matching = MatchingWith("directory", blackHole.Address);
        var (client, request, token) = await FindMatchesCallAsync(matching);

        var clock = Stopwatch.StartNew();
        await RpcAssert.FailsWith(StatusCode.DeadlineExceeded, () => client.FindMatchesAsync(request, token).ResponseAsync);

        Assert.InRange(clock.Elapsed, Matching.Api.Downstream.MaxDeadline - TimeSpan.FromSeconds(1), Matching.Api.Downstream.MaxDeadline + TimeSpan.FromSeconds(2));
    }

    private ServiceHost<Matching.Api.MatchingApi> MatchingWith(string hung, string address)
    {
        var system = fixture.System;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = system.Store.ConnectionString,
            ["Auth:SigningKey"] = Tokens.SigningKey,
            [hung == "directory" ? "Services:Directory" : "Services:Profiles"] = address,
        };
        var routes = new Dictionary<string, Func<HttpMessageHandler>> { ["127.0.0.1"] = () => new SocketsHttpHandler() };
        if (hung != "directory") routes["directory"] = () => system.DirectoryHost.Server.CreateHandler();
        if (hung != "profiles") routes["profiles"] = () => system.ProfilesHost.Server.CreateHandler();
        return new ServiceHost<Matching.Api.MatchingApi>(settings, new HostRouter(routes));
    }

    private async Task<(MatchingService.MatchingServiceClient Client, FindMatchesRequest Request, CallOptions Token)> FindMatchesCallAsync(
        ServiceHost<Matching.Api.MatchingApi> matching)
    {
        var world = new World(fixture.System);
        var profile = await world.ClientAsync();
        return (new MatchingService.MatchingServiceClient(matching.Channel()), new FindMatchesRequest { ProfileId = profile.Id }, Tokens.As(world.Client));
    }

    /// <summary>A port that accepts TCP connections and holds them open without a byte in reply.</summary>
    private sealed class BlackHole : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _held = [];
        private int _accepted;

        public BlackHole()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public int Accepted => Volatile.Read(ref _accepted);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync();
                    lock (_held) _held.Add(socket);
                    Interlocked.Increment(ref _accepted);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_held)
            {
                foreach (var socket in _held) socket.Dispose();
            }
        }
    }
}

using System.Diagnostics;
using Grpc.Core;
using HealingNetwork.Matching.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Api;

/// <summary>Matching pointed at a Directory address where nothing listens.</summary>
[Collection(MatchingSystemCollection.Name)]
public sealed class DirectoryDownTests(MatchingSystem fixture)
{
    [Fact]
    public async Task Matching_answers_unavailable_within_six_seconds_when_directory_is_down()
    {
        var system = fixture.System;
        var unreachable = $"http://127.0.0.1:{TestStore.FreePort()}";
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = system.Store.ConnectionString,
            ["Auth:SigningKey"] = Tokens.SigningKey,
            ["Services:Directory"] = unreachable,
        };
        var router = new HostRouter(new Dictionary<string, Func<HttpMessageHandler>>
        {
            ["profiles"] = () => system.ProfilesHost.Server.CreateHandler(),
            ["127.0.0.1"] = () => new SocketsHttpHandler(),
        });
        await using var matching = new ServiceHost<Matching.Api.MatchingApi>(settings, router);
        var world = new World(system);
        var profile = await world.ClientAsync();
        var client = new MatchingService.MatchingServiceClient(matching.Channel());

        var clock = Stopwatch.StartNew();
        await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            client.FindMatchesAsync(new FindMatchesRequest { ProfileId = profile.Id }, Tokens.As(world.Client)).ResponseAsync);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
    }
}

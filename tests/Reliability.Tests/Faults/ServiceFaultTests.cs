using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing;
using HealingNetwork.Testing.System;
using Xunit.Abstractions;

namespace HealingNetwork.Reliability.Tests.Faults;

/// <summary>
/// SIGKILL of Directory, Profiles or the store in the running system: Matching answers UNAVAILABLE
/// (or DEADLINE_EXCEEDED) within seconds instead of hanging, and after the process is started again
/// the system serves within 10 s, with every acknowledged listing or profile there.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed class ServiceFaultTests(FaultSystemFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan ServesAgainWithin = TimeSpan.FromSeconds(10);
    private int _attempt;

    [Fact]
    public async Task Directory_crash_makes_matching_unavailable_quickly_and_after_restart_search_finds_every_acknowledged_listing()
    {
        using var channel = fixture.System.GatewayChannel();
        var seeded = await Seeded.CreateAsync(channel, "directory-crash");
        var directory = new DirectoryService.DirectoryServiceClient(channel);
        const string Marker = "kingfisherwillow";
        for (var i = 0; i < 20; i++)
        {
            var listing = Samples.Naturopath($"Crash {i}");
            listing.Bio = $"Herbalist {Marker} number {i}.";
            await directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As(seeded.ListingOwner));
        }
        Assert.Equal(StatusCode.OK, (await MatchAsync(channel, seeded)).Code);

        await KillAndExpectUnavailableAsync(channel, seeded, "directory");

        await RestartAndMeasureAsync(channel, seeded, "directory");
        var search = await directory.SearchListingsAsync(new SearchListingsRequest { Query = Marker, PageSize = 50 });
        Assert.Equal(20, search.TotalSize);
    }

    /// <param name="resource">Profiles, or the store ("healthy" is then its process running: the 10 s include its recovery from the AOF).</param>
    [Theory]
    [InlineData("profiles")]
    [InlineData("store")]
    public async Task A_crash_makes_matching_unavailable_quickly_and_after_restart_it_serves_again_with_the_acknowledged_profile(string resource)
    {
        using var channel = fixture.System.GatewayChannel();
        var seeded = await Seeded.CreateAsync(channel, resource + "-crash");
        Assert.Equal(StatusCode.OK, (await MatchAsync(channel, seeded)).Code);

        await KillAndExpectUnavailableAsync(channel, seeded, resource);

        await RestartAndMeasureAsync(channel, seeded, resource);
        var profile = await new ProfileService.ProfileServiceClient(channel).GetProfileAsync(
            new GetProfileRequest { Id = seeded.Profile.Id }, Tokens.As(seeded.ProfileOwner));
        Assert.Equal(seeded.Profile.Story, profile.Story);
    }

    /// <summary>Kills the resource; a match request then fails cleanly (UNAVAILABLE or DEADLINE_EXCEEDED) and soon.</summary>
    private async Task KillAndExpectUnavailableAsync(GrpcChannel channel, Seeded seeded, string resource)
    {
        fixture.System.Kill(resource);
        var down = await MatchAsync(channel, seeded);
        output.WriteLine($"{resource} killed: FindMatches -> {down.Code} in {down.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Contains(down.Code, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded });
        Assert.True(down.Elapsed < AnswerWithin, $"took {down.Elapsed}");
    }

    /// <summary>
    /// Starts the resource and reports two times: process start until healthy (depends on the
    /// machine), and healthy until a match request through the gateway succeeds (the system's own recovery).
    /// </summary>
    private async Task RestartAndMeasureAsync(GrpcChannel channel, Seeded seeded, string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await fixture.System.WaitUntilStoppedAsync(resource, timeout.Token);
        var clock = Stopwatch.StartNew();
        await fixture.System.StartResourceAsync(resource, timeout.Token);
        var healthy = clock.Elapsed;
        while (true)
        {
            var outcome = await MatchAsync(channel, seeded);
            if (outcome.Code == StatusCode.OK) break;
            Assert.True(clock.Elapsed - healthy < ServesAgainWithin, $"still {outcome.Code} {clock.Elapsed - healthy} after {resource} was healthy");
            await Task.Delay(200);
        }
        var serving = clock.Elapsed;
        output.WriteLine($"{resource} restarted: healthy after {healthy.TotalSeconds:F1} s, serving matches {(serving - healthy).TotalSeconds:F1} s later (total {serving.TotalSeconds:F1} s)");
        Assert.True(serving - healthy < ServesAgainWithin);
    }

    /// <summary>A FindMatches that bypasses the result cache (a fresh weight each time), timed.</summary>
    private async Task<(StatusCode Code, TimeSpan Elapsed)> MatchAsync(GrpcChannel channel, Seeded seeded)
    {
        var request = new FindMatchesRequest { ProfileId = seeded.Profile.Id, Weights = new MatchWeights { Lifestyle = 1 + Interlocked.Increment(ref _attempt) % 1000 / 1000.0 } };
        var clock = Stopwatch.StartNew();
        try
        {
            await new MatchingService.MatchingServiceClient(channel).FindMatchesAsync(request, Tokens.Bearer(seeded.ProfileOwner), DateTime.UtcNow.AddSeconds(30));
            return (StatusCode.OK, clock.Elapsed);
        }
        catch (RpcException ex) { return (ex.StatusCode, clock.Elapsed); }
    }
}

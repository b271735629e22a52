using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using HealingNetwork.Reliability.Tests.BadInput;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing.System;
using Xunit.Abstractions;

namespace HealingNetwork.Reliability.Tests.Fuzzing;

/// <summary>
/// A seeded random fuzzer over every RPC of the four public services, through the gateway:
/// mutated valid requests (a fixed seed, a bounded count) as the owner, another user or nobody.
/// No request may end in INTERNAL or UNKNOWN, and every service still answers afterwards.
/// </summary>
[Collection(SharedSystemCollection.Name)]
public sealed class RequestFuzzerTests(RunningSystemFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 8_2024;
    private const int Requests = 310;

    [Fact]
    public async Task Mutated_requests_to_every_rpc_never_get_internal_or_unknown()
    {
        using var channel = fixture.System.GatewayChannel();
        var seeded = await Seeded.CreateAsync(channel, "fuzz");
        var targets = FuzzTargets.For(seeded);
        var random = new Random(Seed);
        var mutator = new MessageMutator(random);
        string?[] callers = [GatewayGrpc.Bearer(seeded.ListingOwner), GatewayGrpc.Bearer(seeded.ProfileOwner), GatewayGrpc.Bearer(Seeded.Stranger), null];
        // Generated up front from the seed, so the same requests are sent on every run whatever the timing.
        var requests = Enumerable.Range(0, Requests).Select(i =>
        {
            var target = targets[i % targets.Count];
            var count = target.StreamsRequests ? random.Next(1, 4) : 1;
            var bodies = Enumerable.Range(0, count).Select(_ => mutator.Mutate(target.Valid).ToByteArray()).ToArray();
            return (Index: i, Target: target, Bodies: bodies, Caller: callers[random.Next(callers.Length)]);
        }).ToArray();

        var gateway = new GatewayGrpc(channel);
        var tally = new StatusTally();
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (r, _) =>
        {
            var outcome = r.Target.Type switch
            {
                MethodType.ClientStreaming => await gateway.ClientStreamingAsync(r.Target.Service, r.Target.Method, r.Bodies, r.Caller),
                MethodType.DuplexStreaming => await gateway.DuplexStreamingAsync(r.Target.Service, r.Target.Method, r.Bodies, r.Caller),
                _ => await gateway.UnaryAsync(r.Target.Service, r.Target.Method, r.Bodies[0], r.Caller),
            };
            tally.Add("fuzzed", outcome.Code.ToString());
            var oversize = r.Bodies.Any(b => b.Length > GrpcCase.MaxMessageBytes);
            if (outcome.Code is StatusCode.Internal or StatusCode.Unknown || (oversize && outcome.Code != StatusCode.ResourceExhausted))
                failures.Add($"#{r.Index} {r.Target.Method} -> {outcome.Code} {outcome.Message}");
        });

        tally.WriteTo(output, $"Fuzzer (seed {Seed}, {targets.Count} RPCs)");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Order(StringComparer.Ordinal)));
        var survivor = await Seeded.CreateAsync(channel, "after-fuzz");
        await SystemSnapshot.AssertAllServicesAnswerAsync(channel, survivor);
    }
}

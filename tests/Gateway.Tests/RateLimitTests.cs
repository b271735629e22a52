using System.Net;
using Grpc.Core;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Gateway.Tests;

/// <summary>Each client has its own bucket (5 at once, then 1 per second in this host).</summary>
public sealed class RateLimitTests(SmallBucketGateway gateway) : IClassFixture<SmallBucketGateway>
{
    [Fact]
    public async Task A_burst_beyond_the_limit_gets_429_while_other_clients_pass()
    {
        var noisy = gateway.Client("noisy-rest");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await noisy.GetAsync("/v1/profiles/p1")).StatusCode);

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var rejected = await noisy.GetAsync("/v1/profiles/p1");
        Assert.True(rejected.Headers.RetryAfter is not null, "a 429 tells the client when to retry");

        var calm = await gateway.Client("calm-rest").GetAsync("/v1/profiles/p1");
        Assert.Equal(HttpStatusCode.OK, calm.StatusCode);
    }

    [Fact]
    public async Task A_grpc_burst_beyond_the_limit_gets_resource_exhausted()
    {
        var client = new ProfileService.ProfileServiceClient(gateway.Channel());
        var headers = new Metadata { { "authorization", "Bearer " + GatewayHost.Token("noisy-grpc") } };
        var codes = new List<StatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => client.GetProfileAsync(new GetProfileRequest { Id = "p1" }, headers).ResponseAsync);
            codes.Add(error.StatusCode);
        }

        Assert.All(codes.Take(5), c => Assert.Equal(StatusCode.NotFound, c)); // the fake backend's answer
        Assert.Equal(StatusCode.ResourceExhausted, codes[^1]);
    }
}

using System.Net;
using System.Text;
using Grpc.Core;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Browser.Tests;

/// <summary>
/// Rate and size limits on the real Kestrel endpoints of the running gateway (the in-process
/// Gateway.Tests cover the same rules without sockets): 100 requests/second per client.
/// </summary>
public sealed class GatewayLimitsTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_burst_beyond_the_limit_gets_429_while_another_client_passes()
    {
        using var noisy = Client("noisy");
        // A busy machine may take longer than the bucket's refill to open 250 connections, and then
        // the first burst stays under 100 per second; the next bursts reuse those connections.
        var first = await Burst(noisy);
        var statuses = first.ToList();
        for (var round = 1; round < 5 && !statuses.Contains(HttpStatusCode.TooManyRequests); round++)
            statuses.AddRange(await Burst(noisy));

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(first.Count(s => s == HttpStatusCode.OK) >= 100, "the first 100 of a burst pass");
        Assert.DoesNotContain(statuses, s => s is not (HttpStatusCode.OK or HttpStatusCode.TooManyRequests));

        using var calm = Client("calm");
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/v1/modalities")).StatusCode);
    }

    [Fact]
    public async Task A_grpc_burst_beyond_the_limit_gets_resource_exhausted()
    {
        var client = new DirectoryService.DirectoryServiceClient(system.Channel());
        var headers = new Metadata { { "authorization", "Bearer " + RunningSystem.Token("noisy-grpc") } };
        var codes = new List<StatusCode>();
        for (var round = 0; round < 5 && !codes.Contains(StatusCode.ResourceExhausted); round++) // as for REST above
            codes.AddRange(await Task.WhenAll(Enumerable.Range(0, 250).Select(async _ =>
            {
                try { await client.ListModalitiesAsync(new ListModalitiesRequest(), headers); return StatusCode.OK; }
                catch (RpcException e) { return e.StatusCode; }
            })));

        Assert.Contains(StatusCode.ResourceExhausted, codes);
        Assert.DoesNotContain(codes, c => c is not (StatusCode.OK or StatusCode.ResourceExhausted));
    }

    [Fact]
    public async Task An_oversize_rest_body_gets_413()
    {
        using var client = Client("big-rest");
        var body = new StringContent("{\"displayName\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/v1/listings", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_oversize_grpc_message_gets_resource_exhausted()
    {
        var client = new DirectoryService.DirectoryServiceClient(system.Channel());
        var headers = new Metadata { { "authorization", "Bearer " + RunningSystem.Token("big-grpc") } };
        var listing = SampleListings.NaturopathListing();
        listing.Bio = new string('a', 2 * 1024 * 1024);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CreateListingAsync(new CreateListingRequest { Listing = listing }, headers).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    private static Task<HttpStatusCode[]> Burst(HttpClient client) =>
        Task.WhenAll(Enumerable.Range(0, 250).Select(async _ => (await client.GetAsync("/v1/modalities")).StatusCode));

    private HttpClient Client(string sub)
    {
        var client = new HttpClient { BaseAddress = system.GatewayHttp };
        client.DefaultRequestHeaders.Authorization = new("Bearer", RunningSystem.Token(sub));
        return client;
    }
}

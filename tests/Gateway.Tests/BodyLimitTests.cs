using System.Net;
using System.Text;

namespace HealingNetwork.Gateway.Tests;

/// <summary>Bodies over 1 MiB never reach a service.</summary>
public sealed class BodyLimitTests(GatewayHost gateway, KestrelGateway kestrel) : IClassFixture<GatewayHost>, IClassFixture<KestrelGateway>
{
    [Fact]
    public async Task An_oversize_rest_body_gets_413()
    {
        var body = new StringContent("{\"bio\":\"" + new string('a', 1024 * 1024 + 10) + "\"}", Encoding.UTF8, "application/json");

        var response = await gateway.Client("alice").PostAsync("/v1/listings", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertResourceExhaustedAsync(response);
    }

    [Fact]
    public async Task An_oversize_rest_body_sent_chunked_gets_413_with_the_resource_exhausted_status_body()
    {
        var json = "{\"query\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var body = new StreamContent(new ChunkedOnly(Encoding.UTF8.GetBytes(json)));
        body.Headers.ContentType = new("application/json");
        using var client = kestrel.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/listings:search") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertResourceExhaustedAsync(response);
    }

    private static async Task AssertResourceExhaustedAsync(HttpResponseMessage response)
    {
        using var status = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(8, status.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("Request body larger than 1048576 bytes.", status.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_under_the_limit_passes()
    {
        var body = new StringContent("{\"bio\":\"" + new string('a', 1000) + "\"}", Encoding.UTF8, "application/json");

        var response = await gateway.Client("alice").PostAsync("/v1/listings", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

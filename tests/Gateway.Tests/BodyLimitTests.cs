using System.Net;
using System.Text;

namespace HealingNetwork.Gateway.Tests;

/// <summary>Bodies over 1 MiB never reach a service.</summary>
public sealed class BodyLimitTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task An_oversize_rest_body_gets_413()
    {
        var body = new StringContent("{\"bio\":\"" + new string('a', 1024 * 1024 + 10) + "\"}", Encoding.UTF8, "application/json");

        var response = await gateway.Client("alice").PostAsync("/v1/listings", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_under_the_limit_passes()
    {
        var body = new StringContent("{\"bio\":\"" + new string('a', 1000) + "\"}", Encoding.UTF8, "application/json");

        var response = await gateway.Client("alice").PostAsync("/v1/listings", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;

namespace HealingNetwork.Gateway.Tests;

/// <summary>Outside Development nobody can mint a token at the gateway.</summary>
public sealed class ProductionDevTokenTests(ProductionGateway gateway) : IClassFixture<ProductionGateway>
{
    [Fact]
    public async Task Outside_development_there_is_no_token_endpoint()
    {
        var response = await gateway.Client().PostAsJsonAsync("/dev/token", new { sub = "alice" });

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("token", await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HealingNetwork.Gateway.Tests;

/// <summary>POST /dev/token exists in Development only.</summary>
public sealed class DevTokenTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task In_development_a_minted_token_signs_in()
    {
        var minted = await gateway.Client().PostAsJsonAsync("/dev/token", new { sub = "alice" });
        Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        var token = JsonDocument.Parse(await minted.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();

        var client = gateway.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var response = await client.GetAsync("/v1/profiles/p1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task A_bad_subject_is_refused(string sub)
    {
        var minted = await gateway.Client().PostAsJsonAsync("/dev/token", new { sub });

        Assert.Equal(HttpStatusCode.BadRequest, minted.StatusCode);
    }
}

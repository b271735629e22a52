using System.Net;
using System.Net.Http.Json;

namespace HealingNetwork.Gateway.Tests;

/// <summary>Which REST routes need a token at the gateway, before any service is asked.</summary>
public sealed class RoutePolicyTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    public static TheoryData<string, string> PublicReads => new()
    {
        { "GET", "/v1/modalities" },
        { "POST", "/v1/listings:search" },
        { "GET", "/v1/listings/abc" },
        { "GET", "/v1/listings/abc/availability" },
        { "GET", "/v1/listings/abc/slots" },
        { "GET", "/v1/listings/abc/calendar" },
        { "GET", "/v1/listings/abc/fhir" },
        { "GET", "/v1/hsds" },
        { "GET", "/feeds/listings/abc.ics" },
        { "POST", "/v1/slots:earliest" },
    };

    public static TheoryData<string, string> SignedInOnly => new()
    {
        { "POST", "/v1/listings" },
        { "GET", "/v1/listings" },
        { "GET", "/v1/listings?pageSize=5" },
        { "PATCH", "/v1/listings/abc" },
        { "DELETE", "/v1/listings/abc" },
        { "POST", "/v1/listings/abc:confirm" },
        { "PUT", "/v1/listings/abc/availability" },
        { "POST", "/v1/listings/abc/availability/exceptions" },
        { "GET", "/v1/listings/abc/bookings" },
        { "POST", "/v1/listings/abc/holds" },
        { "POST", "/v1/holds/h1:confirm" },
        { "POST", "/v1/bookings/b1:cancel" },
        { "GET", "/v1/bookings:mine" },
        { "POST", "/v1/admin/index:rebuild" },
        { "POST", "/v1/profiles" },
        { "GET", "/v1/profiles" },
        { "GET", "/v1/profiles?pageSize=5" },
        { "GET", "/v1/profiles/p1" },
        { "GET", "/v1/profiles/p1:export" },
        { "DELETE", "/v1/profiles/p1" },
        { "POST", "/v1/profiles/p1:match" },
        { "POST", "/v1/profiles/p1:refer" },
        { "POST", "/v1/profiles/p1:suggestCareTeam" },
    };

    [Theory]
    [MemberData(nameof(PublicReads))]
    public async Task Public_reads_reach_the_service_without_a_token(string method, string path)
    {
        var response = await gateway.Client().SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(path.Split('?')[0], await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(SignedInOnly))]
    public async Task Everything_else_is_401_without_a_token(string method, string path)
    {
        var response = await gateway.Client().SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [MemberData(nameof(SignedInOnly))]
    public async Task A_valid_token_passes_the_gateway_and_is_forwarded(string method, string path)
    {
        var response = await gateway.Client("alice").SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"authorized\":true", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var client = gateway.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            ServiceDefaults.Identity.DevTokenIssuer.Mint("some-other-key-that-is-long-enough-0123456789", "alice"));

        var response = await client.PostAsJsonAsync("/v1/profiles", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_token_does_not_block_a_public_read()
    {
        var client = gateway.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-jwt");

        var response = await client.GetAsync("/v1/modalities");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v2/anything", null)]
    [InlineData("GET", "/v2/anything", "alice")]
    [InlineData("POST", "/v1/nowhere", null)]
    [InlineData("POST", "/v1/nowhere", "alice")]
    [InlineData("GET", "/no-such-file.js", null)]
    [InlineData("GET", "/no-such-file.js", "alice")]
    public async Task Unknown_route_is_404_with_or_without_a_token(string method, string path, string? sub)
    {
        var response = await gateway.Client(sub).SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }),
    };
}

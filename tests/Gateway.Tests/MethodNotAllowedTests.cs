using System.Net;
using System.Net.Http.Json;

namespace HealingNetwork.Gateway.Tests;

/// <summary>
/// A REST path the API serves, asked with a method it does not take there: 405 with an Allow header
/// naming the methods it does take, with or without a token, and nothing forwarded. Unknown paths stay 404.
/// </summary>
public sealed class MethodNotAllowedTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    public static TheoryData<string, string, string, string?> WrongMethods => new()
    {
        // A public route limited to its method: this fell to the 404 fallback.
        { "DELETE", "/v1/modalities", "GET", null },
        { "POST", "/v1/hsds", "GET", "alice" },
        { "GET", "/v1/listings:search", "POST", null },
        { "GET", "/v1/listings/abc:confirm", "POST", "alice" },
        { "GET", "/v1/profiles/p1:match", "POST", "alice" },
        // A catch-all route: this went to the service (401 first without a token).
        { "PUT", "/v1/profiles/p1", "GET, PATCH, DELETE", null },
        { "PUT", "/v1/profiles/p1", "GET, PATCH, DELETE", "alice" },
        { "POST", "/v1/listings/abc", "GET, PATCH, DELETE", "alice" },
        { "DELETE", "/v1/listings", "GET, POST", "alice" },
        { "DELETE", "/v1/listings/abc/availability", "GET, PUT", "alice" },
        { "DELETE", "/v1/profiles", "GET, POST", "alice" },
        // The calendar feed, served by the Directory outside the protos: this fell to the 404 fallback.
        { "POST", "/feeds/listings/abc.ics", "GET, HEAD", null },
        { "DELETE", "/feeds/listings/abc.ics", "GET, HEAD", "alice" },
    };

    [Theory]
    [MemberData(nameof(WrongMethods))]
    public async Task A_known_path_with_another_method_is_405_naming_the_methods_it_takes(string method, string path, string allow, string? sub)
    {
        var response = await gateway.Client(sub).SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Empty(response.Headers.WwwAuthenticate);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"it takes {allow}", body);
        Assert.DoesNotContain("authorized", body); // the fake backend's answer: nothing was forwarded
    }

    // Calendar applications and link checkers send HEAD before subscribing to a feed: this was 405.
    [Theory]
    [InlineData(null)]
    [InlineData("alice")]
    public async Task Head_on_the_calendar_feed_reaches_the_directory_like_get(string? sub)
    {
        var response = await gateway.Client(sub).SendAsync(new HttpRequestMessage(HttpMethod.Head, "/feeds/listings/abc.ics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.Allow);
    }

    // Paths no route claims (under a catch-all route the service answers, as before).
    [Theory]
    [InlineData("DELETE", "/v1/nowhere")]
    [InlineData("GET", "/v1/modalities/extra")]
    [InlineData("POST", "/v1/listings:nope")]
    [InlineData("GET", "/v2/listings/abc")]
    [InlineData("POST", "/feeds/practices/abc.ics")]
    public async Task An_unknown_path_stays_404(string method, string path)
    {
        var response = await gateway.Client("alice").SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }),
    };
}

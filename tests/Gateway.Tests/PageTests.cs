using System.Net;

namespace HealingNetwork.Gateway.Tests;

/// <summary>The web page is public and hardened with security headers.</summary>
public sealed class PageTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/app.css")]
    public async Task Page_files_are_served_without_a_token_with_security_headers(string path)
    {
        var response = await gateway.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Page_loads_nothing_from_other_origins()
    {
        var html = await gateway.Client().GetStringAsync("/");

        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script>", html); // inline scripts would be blocked by the CSP anyway
    }
}

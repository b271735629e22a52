using Grpc.Net.Client;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace HealingNetwork.Gateway.Tests;

/// <summary>
/// The real gateway pipeline in-process with fake backends and a known signing key.
/// Rate limits are generous unless a test asks for a small bucket.
/// </summary>
public class GatewayHost : WebApplicationFactory<Program>
{
    private readonly int _burst, _perSecond;
    private readonly string _environment;

    protected GatewayHost(int burst, int perSecond, string environment) =>
        (_burst, _perSecond, _environment) = (burst, perSecond, environment);

    public const string SigningKey = "gateway-tests-signing-key-0123456789abcdef";

    public static string Token(string sub) => DevTokenIssuer.Mint(SigningKey, sub);

    public GatewayHost() : this(10_000, 10_000, "Development") { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("RateLimiting:Burst", _burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:PermitsPerSecond", _perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Service discovery needs an address for each cluster; the fake client never dials it.
        foreach (var service in new[] { "directory", "profiles", "matching" })
            builder.UseSetting($"services:{service}:http:0", "http://127.0.0.1:9");
        builder.ConfigureTestServices(services => services.AddSingleton<IForwarderHttpClientFactory, FakeForwarderClients>());
    }

    public HttpClient Client(string? sub = null)
    {
        var client = CreateClient();
        if (sub is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", Token(sub));
        return client;
    }

    public GrpcChannel Channel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
}

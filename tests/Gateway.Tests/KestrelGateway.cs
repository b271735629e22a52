using Microsoft.AspNetCore.Hosting;

namespace HealingNetwork.Gateway.Tests;

/// <summary>
/// The gateway on real Kestrel (HTTP/1.1 on a free loopback port) rather than the in-memory test
/// server: Kestrel's own limits, such as cutting off a chunked body over MaxRequestBodySize while it
/// is read, exist only there.
/// </summary>
public sealed class KestrelGateway : GatewayHost
{
    public KestrelGateway() => UseKestrel();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var endpoint in new[] { "Http", "Grpc" })
        {
            builder.UseSetting($"Kestrel:Endpoints:{endpoint}:Url", "http://127.0.0.1:0");
            builder.UseSetting($"Kestrel:Endpoints:{endpoint}:Protocols", "Http1");
        }
    }
}

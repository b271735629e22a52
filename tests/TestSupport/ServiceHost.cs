using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace HealingNetwork.Testing;

/// <summary>
/// One service hosted in-process (WebApplicationFactory) with the real middleware, interceptors
/// and gRPC pipeline, configured against the test store and the shared signing key.
/// <paramref name="configure"/> lets a test add to the host (e.g. a log capture) after the defaults.
/// </summary>
public sealed class ServiceHost<TEntryPoint>(
    IReadOnlyDictionary<string, string?> settings, HostRouter? router, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Profiles encrypts its key ring with this; one certificate for every test process, since they may share a store.
        builder.UseSetting("DataProtection:KeyCertificate", TestKeyRing.CertificatePath);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (router is not null)
        {
            builder.ConfigureServices(services => services.ConfigureAll<HttpClientFactoryOptions>(o =>
                o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = router)));
        }
        configure?.Invoke(builder);
    }

    /// <summary>A gRPC channel into this service's test server.</summary>
    public GrpcChannel Channel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(),
        MaxReceiveMessageSize = 16 * 1024 * 1024,
    });
}

/// <summary>The key-ring certificate the in-process Profiles hosts share (created once, kept in the temp folder).</summary>
public static class TestKeyRing
{
    public static string CertificatePath { get; } = HealingNetwork.ServiceDefaults.Security.KeyRingCertificate.CreateIfMissing(
        Path.Combine(Path.GetTempPath(), "healing-tests", "dataprotection-key-ring.pfx"));
}

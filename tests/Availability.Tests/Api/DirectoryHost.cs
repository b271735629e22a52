using Grpc.Core;
using Grpc.Net.Client;
using HealingNetwork.Availability.Tests.Storage;
using HealingNetwork.Directory.Api;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealingNetwork.Availability.Tests.Api;

/// <summary>
/// The real Directory service (gRPC pipeline, auth, error mapping) on a TestServer, backed by
/// the real store of <see cref="StoreFixture"/>, with a short hold TTL for expiry tests.
/// </summary>
public sealed class DirectoryHost : IDisposable
{
    private const string SigningKey = "availability-tests-signing-key-0123456789abcdef";
    public static readonly TimeSpan HoldTtl = TimeSpan.FromSeconds(1);

    private readonly StoreFixture _store = new();
    private readonly WebApplicationFactory<AvailabilityApi> _factory;
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "avail-index-" + Guid.NewGuid().ToString("N"));

    public GrpcChannel Channel { get; }
    public string Backend => _store.Backend;

    public DirectoryHost()
    {
        _factory = new WebApplicationFactory<AvailabilityApi>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:redis", _store.ConnectionString)
            .UseSetting("Auth:SigningKey", SigningKey)
            .UseSetting("Directory:IndexPath", _indexPath)
            .UseSetting("Availability:HoldTtl", HoldTtl.ToString())
            // Each lost race is a logged RpcException at Information; the race test measures the service, not the log.
            .UseSetting("Logging:LogLevel:Default", "Warning"));
        Channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new ResponseVersionHandler(_factory.Server.CreateHandler()),
        });
    }

    public AvailabilityService.AvailabilityServiceClient Client => new(Channel);

    public static Metadata As(string subject) => new() { { "Authorization", "Bearer " + DevTokenIssuer.Mint(SigningKey, subject) } };

    /// <summary>A listing written straight to the store: availability needs only its owner and zone.</summary>
    public async Task<Listing> CreateListingAsync(string owner, string timeZone = "Europe/Berlin")
    {
        var listing = new Listing { Id = Guid.NewGuid().ToString("N"), OwnerId = owner, DisplayName = "Test practice", TimeZone = timeZone };
        Assert.True(await _factory.Services.GetRequiredService<IListingStore>().CreateAsync(listing, default));
        return listing;
    }

    public void Dispose()
    {
        Channel.Dispose();
        _factory.Dispose();
        _store.Dispose();
        try { System.IO.Directory.Delete(_indexPath, recursive: true); }
        catch (IOException) { /* the index may still be closing; a temp folder is harmless. */ }
        catch (UnauthorizedAccessException) { }
    }
}

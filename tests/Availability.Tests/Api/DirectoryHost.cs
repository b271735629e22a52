using Grpc.Core;
using Grpc.Net.Client;
using HealingNetwork.Directory.Api;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealingNetwork.Availability.Tests.Api;

/// <summary>
/// The real Directory service (gRPC pipeline, auth, error mapping) in-process on the shared test
/// store (<see cref="TestStore"/>), with a short hold TTL for expiry tests.
/// </summary>
public sealed class DirectoryHost : IDisposable
{
    /// <summary>Short for the expiry test, long enough that a hold outlives the few calls a test makes before confirming it on a busy machine.</summary>
    public static readonly TimeSpan HoldTtl = TimeSpan.FromSeconds(3);

    private readonly ServiceHost<AvailabilityApi> _host;
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "avail-index-" + Guid.NewGuid().ToString("N"));

    public GrpcChannel Channel { get; }
    public string Backend => TestStore.Instance.Kind;

    public DirectoryHost()
    {
        _host = new ServiceHost<AvailabilityApi>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = TestStore.Instance.ConnectionString,
            ["Auth:SigningKey"] = Tokens.SigningKey,
            ["Directory:IndexPath"] = _indexPath,
            ["Availability:HoldTtl"] = HoldTtl.ToString(),
            // Each lost race is a logged RpcException at Information; the race test measures the service, not the log.
            ["Logging:LogLevel:Default"] = "Warning",
        }, null);
        Channel = _host.Channel();
    }

    public AvailabilityService.AvailabilityServiceClient Client => new(Channel);

    public static Metadata As(string subject) => Tokens.Bearer(subject);

    /// <summary>
    /// A listing written straight to the store: availability needs only its owner, zone, whether it
    /// takes new clients, how many places it has (<paramref name="places"/>, in Berlin's streets) and
    /// whether it offers telehealth (hours at -1 need it; a listing with no places always does).
    /// </summary>
    public async Task<Listing> CreateListingAsync(string owner, string timeZone = "Europe/Berlin", bool acceptingNewClients = true, int places = 0, bool telehealth = true)
    {
        var listing = new Listing
        {
            Id = Guid.NewGuid().ToString("N"), OwnerId = owner, DisplayName = "Test practice", TimeZone = timeZone, AcceptingNewClients = acceptingNewClients,
            Telehealth = telehealth,
        };
        for (var i = 0; i < places; i++)
            listing.Locations.Add(new Location { Lat = 52.52 + i / 100.0, Lon = 13.40, City = "Berlin", Country = "DE", PostalCode = $"1011{i}" });
        Assert.True(await _host.Services.GetRequiredService<IListingStore>().CreateAsync(listing, default));
        return listing;
    }

    /// <summary>Opens or closes the practice to new clients, straight in the store (as the owner's UpdateListing would).</summary>
    public async Task SetAcceptingNewClientsAsync(string listingId, bool accepting)
    {
        var store = _host.Services.GetRequiredService<IListingStore>();
        var current = (await store.GetAsync(listingId, default))!;
        current.AcceptingNewClients = accepting;
        Assert.Equal(WriteOutcome.Written, await store.ReplaceAsync(current, current.Etag, default));
    }

    public void Dispose()
    {
        Channel.Dispose();
        _host.Dispose();
        try { System.IO.Directory.Delete(_indexPath, recursive: true); }
        catch (IOException) { /* the index may still be closing; a temp folder is harmless. */ }
        catch (UnauthorizedAccessException) { }
    }
}

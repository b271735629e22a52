using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Testing;

/// <summary>
/// Directory, Profiles and Matching hosted in-process against one real store, calling each other
/// over gRPC exactly as deployed. Each instance has its own search index folder.
/// <c>configureHosts</c>, when given, is applied to every service host (e.g. to capture logs).
/// </summary>
public sealed class TestSystem : IAsyncDisposable
{
    public ServiceHost<Directory.Api.DirectoryApi> DirectoryHost { get; }
    public ServiceHost<Profiles.Api.ProfilesApi> ProfilesHost { get; }
    public ServiceHost<Matching.Api.MatchingApi> MatchingHost { get; }
    public string IndexPath { get; }
    public TestStore Store => TestStore.Instance;

    private readonly Lazy<GrpcChannel> _directory, _profiles, _matching;

    public TestSystem(IReadOnlyDictionary<string, string?>? directorySettings = null, Action<IWebHostBuilder>? configureHosts = null)
    {
        IndexPath = Path.Combine(Path.GetTempPath(), "healing-tests", "index-" + Guid.NewGuid().ToString("N"));
        var common = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = Store.ConnectionString,
            ["Auth:SigningKey"] = Tokens.SigningKey,
            ["Auth:Admins:0"] = "admin",
        };
        var directory = new Dictionary<string, string?>(common) { ["Directory:IndexPath"] = IndexPath };
        foreach (var (k, v) in directorySettings ?? new Dictionary<string, string?>()) directory[k] = v;
        DirectoryHost = new ServiceHost<Directory.Api.DirectoryApi>(directory, null, configureHosts);
        ProfilesHost = new ServiceHost<Profiles.Api.ProfilesApi>(common,
            new HostRouter(new Dictionary<string, Func<HttpMessageHandler>> { ["directory"] = () => DirectoryHost.Server.CreateHandler() }), configureHosts);
        MatchingHost = new ServiceHost<Matching.Api.MatchingApi>(common, new HostRouter(new Dictionary<string, Func<HttpMessageHandler>>
        {
            ["directory"] = () => DirectoryHost.Server.CreateHandler(),
            ["profiles"] = () => ProfilesHost.Server.CreateHandler(),
        }), configureHosts);
        _directory = new(() => DirectoryHost.Channel());
        _profiles = new(() => ProfilesHost.Channel());
        _matching = new(() => MatchingHost.Channel());
    }

    public DirectoryService.DirectoryServiceClient Directory => new(_directory.Value);
    public AvailabilityService.AvailabilityServiceClient Availability => new(_directory.Value);
    public ProfileService.ProfileServiceClient Profiles => new(_profiles.Value);
    public MatchingService.MatchingServiceClient Matching => new(_matching.Value);

    public async ValueTask DisposeAsync()
    {
        await MatchingHost.DisposeAsync();
        await ProfilesHost.DisposeAsync();
        await DirectoryHost.DisposeAsync();
        try { System.IO.Directory.Delete(IndexPath, recursive: true); } catch (IOException) { }
    }
}

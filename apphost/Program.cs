using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using HealingNetwork.ServiceDefaults.Identity;
using HealingNetwork.ServiceDefaults.Security;
using HealingNetwork.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Where data lives and which ports are used; tests and second instances override these.
var dataRoot = Path.GetFullPath(builder.Configuration["DataRoot"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));
int Port(string name, int fallback) => builder.Configuration.GetValue($"Ports:{name}", fallback);
var signingKey = builder.Configuration["Auth:SigningKey"] ?? DevSigningKey.ReadOrCreate(Path.Combine(dataRoot, "dev-signing-key"));
var admins = builder.Configuration["Auth:Admins"] ?? "admin";
// Encrypts Profiles' Data Protection key ring at rest; production points this at its own PFX.
var keyRingCertificate = builder.Configuration["DataProtection:KeyCertificate"]
    ?? KeyRingCertificate.CreateIfMissing(Path.Combine(dataRoot, "dataprotection-key-ring.pfx"));

// Store: an external Redis when ConnectionStrings:redis is set, else embedded Garnet on disk.
IResourceBuilder<IResourceWithConnectionString> redis;
IResourceBuilder<ProjectResource>? embeddedStore = null;
if (builder.Configuration.GetConnectionString("redis") is not null)
{
    redis = builder.AddConnectionString("redis");
}
else
{
    var storePort = Port("Store", 6380);
    // Store:CommitWait=false trades the fsync before each acknowledgement for speed (README, Durability).
    var commitWait = builder.Configuration.GetValue("Store:CommitWait", true);
    // Store:Memory (e.g. "512m") is how much of the store stays in memory; the rest is on disk (README, Durability).
    var storeMemory = builder.Configuration["Store:Memory"];
    embeddedStore = builder.AddProject<Projects.Store>("store").FromBuildOutput()
        .WithArgs(["--port", storePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", Path.Combine(dataRoot, "store"),
            .. commitWait ? Array.Empty<string>() : ["--no-commit-wait"],
            .. string.IsNullOrEmpty(storeMemory) ? Array.Empty<string>() : ["--memory", storeMemory]])
        .WithEndpoint("tcp", e => { e.Port = storePort; e.TargetPort = storePort; e.IsProxied = false; e.UriScheme = "tcp"; });
    var endpoint = embeddedStore.GetEndpoint("tcp");
    redis = builder.AddConnectionString("redis", ReferenceExpression.Create(
        $"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"));
}
var elasticsearch = builder.Configuration.GetConnectionString("elasticsearch") is not null
    ? builder.AddConnectionString("elasticsearch")
    : null;

// Services
IResourceBuilder<ProjectResource> Service<T>(string name, int port) where T : IProjectMetadata, new()
{
    // gRPC and REST (forwarded by the gateway) on an HTTP/2-only port; health probes over HTTP/1.1.
    var grpcPort = Port(name, port);
    var healthPort = Port(name + "Health", port + 100);
    var service = builder.AddProject<T>(name, launchProfileName: null).FromBuildOutput()
        .WithHttpEndpoint(port: grpcPort, name: "http", isProxied: false)
        .WithHttpEndpoint(port: healthPort, name: "health", isProxied: false)
        .WithEnvironment("Kestrel__Endpoints__Grpc__Url", "http://127.0.0.1:" + grpcPort)
        .WithEnvironment("Kestrel__Endpoints__Grpc__Protocols", "Http2")
        .WithEnvironment("Kestrel__Endpoints__Health__Url", "http://127.0.0.1:" + healthPort)
        .WithEnvironment("Kestrel__Endpoints__Health__Protocols", "Http1")
        .WithEnvironment("Auth__SigningKey", signingKey)
        .WithEnvironment("Auth__Admins__0", admins)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
        .WithReference(redis)
        .WithHttpHealthCheck("/health", endpointName: "health");
    if (embeddedStore is not null) service.WaitForStore(embeddedStore);
    return service;
}

var directory = Service<Projects.Directory>("directory", 5101)
    .WithEnvironment("Directory__IndexPath", Path.Combine(dataRoot, "directory-index"))
    .WithEnvironment("Directory__SeedListings", builder.Configuration["Directory:SeedListings"] ?? "2000");
if (elasticsearch is not null) directory.WithReference(elasticsearch);

var profiles = Service<Projects.Profiles>("profiles", 5102)
    .WithEnvironment("DataProtection__KeyCertificate", keyRingCertificate)
    .WithReference(directory).WaitForHealthy(directory);
if (builder.Configuration["DataProtection:KeyCertificatePassword"] is { } keyRingPassword)
    profiles.WithEnvironment("DataProtection__KeyCertificatePassword", keyRingPassword);

var matching = Service<Projects.Matching>("matching", 5103)
    .WithReference(directory).WithReference(profiles)
    .WaitForHealthy(directory).WaitForHealthy(profiles);

// Reverse proxy: the one public address (HTTP/1.1 for REST and the page, HTTP/2 for gRPC).
var gatewayHttp = Port("GatewayHttp", 5080);
var gatewayGrpc = Port("GatewayGrpc", 5081);
var gateway = builder.AddProject<Projects.Gateway>("gateway", launchProfileName: null).FromBuildOutput()
    .WithHttpEndpoint(port: gatewayHttp, name: "http", isProxied: false)
    .WithEndpoint("grpc", e => { e.Port = gatewayGrpc; e.TargetPort = gatewayGrpc; e.IsProxied = false; e.UriScheme = "http"; e.Transport = "http2"; })
    .WithEnvironment("Kestrel__Endpoints__Http__Url", "http://127.0.0.1:" + gatewayHttp)
    .WithEnvironment("Kestrel__Endpoints__Grpc__Url", "http://127.0.0.1:" + gatewayGrpc)
    .WithEnvironment("Auth__SigningKey", signingKey)
    .WithReference(directory).WithReference(profiles).WithReference(matching)
    .WaitForHealthy(directory).WaitForHealthy(profiles).WaitForHealthy(matching)
    .WithHttpHealthCheck("/health");
// Say where the one public address listens, once the gateway answers its health check.
gateway.OnResourceReady((_, ready, _) =>
{
    ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HealingNetwork.AppHost").LogInformation(
        "Gateway ready: REST and web page on http://127.0.0.1:{HttpPort}, gRPC (HTTP/2) on 127.0.0.1:{GrpcPort}",
        gatewayHttp, gatewayGrpc);
    return Task.CompletedTask;
});
// The page's dev sign-in (POST /dev/token) exists only when the gateway runs in Development.
gateway.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
// Per-client limits are the gateway's defaults unless the AppHost is told otherwise (load tests).
foreach (var limit in new[] { "PermitsPerSecond", "Burst" })
{
    if (builder.Configuration[$"RateLimiting:{limit}"] is { } value) gateway.WithEnvironment($"RateLimiting__{limit}", value);
}

builder.Build().Run();

using Grpc.Reflection;
using HealingNetwork.Gateway;
using HealingNetwork.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (DevTokenCommand.TryRun(args, builder.Configuration, builder.Environment.ContentRootPath)) return;

builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

// One address for every service, reflection included: the gateway answers reflection itself
// from the compiled contracts, so grpcurl and Postman see all three services here.
builder.Services.AddGrpc();
builder.Services.AddSingleton(new ReflectionServiceImpl(ServiceContracts.All));
builder.Services.AddGrpcHealthChecks();

foreach (var service in new[] { "directory", "profiles", "matching" })
{
    builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
        service, sp => new ServiceHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), service),
        failureStatus: null, tags: ["ready"], timeout: TimeSpan.FromSeconds(3)));
}

// Ready only after one round of calls through every route (see ProxyWarmup).
builder.Services.AddSingleton<ProxyWarmup>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ProxyWarmup>());
builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
    "proxy-warmup", sp => sp.GetRequiredService<ProxyWarmup>(), failureStatus: null, tags: ["ready"]));

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapGrpcService<ReflectionServiceImpl>();
app.MapGrpcHealthChecksService();
app.MapDefaultEndpoints();
app.MapReverseProxy();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;

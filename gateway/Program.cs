using Grpc.Reflection;
using HealingNetwork.Gateway;
using HealingNetwork.Gateway.Development;
using HealingNetwork.Gateway.OpenApi;
using HealingNetwork.Gateway.Rest;
using HealingNetwork.Gateway.Security;
using HealingNetwork.ServiceDefaults.Hosting;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

var builder = WebApplication.CreateBuilder(args);
if (DevTokenCommand.TryRun(args, builder.Configuration, builder.Environment.ContentRootPath)) return;

builder.AddServiceDefaults();
RoutePolicies.EnsureEveryRouteDeclaresPolicy(builder.Configuration);
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

// Identity is checked here and again in every service (defense in depth). Anything the gateway
// serves is signed-in only unless a route or endpoint says it is public; a path nothing serves
// is 404 for everyone (see UnknownRouteEndpoint).
builder.AddHealingAuthentication();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAwareAuthorizationResultHandler>();
builder.Services.AddClientRateLimiting();

// One address for every service, reflection included: the gateway answers reflection itself
// from the compiled contracts, so grpcurl and Postman see all three services here.
builder.Services.AddGrpc();
builder.Services.AddSingleton(new ReflectionServiceImpl(ServiceContracts.All));
builder.Services.AddGrpcHealthChecks();
builder.Services.AddSingleton<OpenApiDocumentGenerator>();
builder.Services.AddSingleton(new RestRoutes(ServiceContracts.All, RestRoutes.LimitedProxyRoutes(builder.Configuration)));

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
app.UseMiddleware<SecurityHeaders>();
app.UseAuthentication();      // before the limiter, so signed-in clients are limited by identity
app.UseRateLimiter();
app.UseMiddleware<RequestBodyLimit>();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UseMiddleware<MethodNotAllowed>();   // 405 before the token check, as 404 is
app.UseAuthorization();

app.MapGrpcService<ReflectionServiceImpl>().AllowAnonymous();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapDefaultEndpoints();
var openApi = app.Services.GetRequiredService<OpenApiDocumentGenerator>().Generate(ServiceContracts.All).ToJsonString();
app.MapGet("/openapi.json", () => Results.Text(openApi, "application/json")).AllowAnonymous();
app.MapDevTokenEndpoint();
app.MapReverseProxy(proxy => proxy.UseBodyLimitErrors());
app.MapUnknownRoutes();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;

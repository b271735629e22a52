using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Api;
using HealingNetwork.Matching.Storage;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Hosting;
using HealingNetwork.ServiceDefaults.Identity;
using HealingNetwork.ServiceDefaults.Storage;
using HealingNetwork.ServiceDefaults.Taxonomy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHealingGrpc();
builder.AddHealingAuthentication();
builder.AddRedisStore();

var directory = new Uri(builder.Configuration["Services:Directory"] ?? "http://directory");
var profiles = new Uri(builder.Configuration["Services:Profiles"] ?? "http://profiles");
// No HTTP retry handler on gRPC clients: its backoff outlasts the call's deadline, so a
// dependency that is down would surface as DEADLINE_EXCEEDED after seconds instead of UNAVAILABLE
// at once. Each downstream call is bounded by Downstream.MaxDeadline instead.
// RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out.
#pragma warning disable EXTEXP0001
builder.Services.AddGrpcClient<DirectoryService.DirectoryServiceClient>(o => o.Address = directory).RemoveAllResilienceHandlers();
builder.Services.AddGrpcClient<AvailabilityService.AvailabilityServiceClient>(o => o.Address = directory).RemoveAllResilienceHandlers();
builder.Services.AddGrpcClient<ProfileService.ProfileServiceClient>(o => o.Address = profiles).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<TaxonomyClient>();
builder.Services.AddSingleton<CandidateSource>();
builder.Services.AddSingleton<MatchFinder>();
builder.Services.AddSingleton<MatchCache>();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<MatchingApi>();
app.MapGrpcReflectionService().AllowAnonymous();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapDefaultEndpoints();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;

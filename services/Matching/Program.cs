using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Api;
using HealingNetwork.Matching.Storage;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Hosting;
using HealingNetwork.ServiceDefaults.Identity;
using HealingNetwork.ServiceDefaults.Resilience;
using HealingNetwork.ServiceDefaults.Storage;
using HealingNetwork.ServiceDefaults.Taxonomy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHealingGrpc();
builder.AddHealingAuthentication();
builder.AddRedisStore();

var directory = new Uri(builder.Configuration["Services:Directory"] ?? "http://directory");
var profiles = new Uri(builder.Configuration["Services:Profiles"] ?? "http://profiles");
// Reads are retried on UNAVAILABLE (3 attempts, jittered backoff); writes never are. Deadlines: Downstream.
builder.Services.AddInternalGrpcClient<DirectoryService.DirectoryServiceClient>(directory, DirectoryService.Descriptor);
builder.Services.AddInternalGrpcClient<AvailabilityService.AvailabilityServiceClient>(directory, AvailabilityService.Descriptor);
builder.Services.AddInternalGrpcClient<ProfileService.ProfileServiceClient>(profiles, ProfileService.Descriptor);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<TaxonomyClient>();
builder.Services.AddSingleton<CandidateSource>();
builder.Services.AddSingleton<MatchFinder>();
builder.Services.AddSingleton<MatchCache>();

var app = builder.Build();
app.UseJsonRequestErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<MatchingApi>();
app.MapGrpcReflectionService().AllowAnonymous();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapDefaultEndpoints();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;

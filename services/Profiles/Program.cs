using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Api;
using HealingNetwork.Profiles.Domain;
using HealingNetwork.Profiles.Storage;
using HealingNetwork.ServiceDefaults.Hosting;
using HealingNetwork.ServiceDefaults.Identity;
using HealingNetwork.ServiceDefaults.Resilience;
using HealingNetwork.ServiceDefaults.Storage;
using HealingNetwork.ServiceDefaults.Taxonomy;
using HealingNetwork.ServiceDefaults.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHealingGrpc();
builder.AddHealingAuthentication();
builder.AddRedisStore();

// Keys live in the store, so every replica and every restart can read what another encrypted.
var dataProtection = builder.Services.AddDataProtection().SetApplicationName("HealingNetwork.Profiles");
// The key ring sits in the store beside what it encrypts, so it is itself encrypted with a
// certificate kept elsewhere (a key written before this was set stays readable).
var keyCertificatePath = builder.Configuration["DataProtection:KeyCertificate"] is { Length: > 0 } configured
    ? configured
    : throw new InvalidOperationException(
        "DataProtection:KeyCertificate is not set: the key ring that encrypts profiles would be stored in plaintext beside them. " +
        "Give a PFX path (and DataProtection:KeyCertificatePassword); the AppHost generates one into .data/ for local runs.");
var keyCertificate = KeyRingCertificate.Load(keyCertificatePath, builder.Configuration["DataProtection:KeyCertificatePassword"]);
dataProtection.ProtectKeysWithCertificate(keyCertificate).UnprotectKeysWithAnyCertificate(keyCertificate);
builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
    options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "dataprotection:profiles:keys"));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IProfileStore, RedisProfileStore>();
builder.Services.AddSingleton<TaxonomyClient>();
builder.Services.AddSingleton<IModalityCatalog, DirectoryModalityCatalog>();
builder.Services.AddSingleton<IListingDirectory, DirectoryListings>();
// Reads (the taxonomy, listings, the caller's bookings) are retried on UNAVAILABLE (3 attempts, jittered backoff); writes never are.
builder.Services.AddSingleton<IBookingEraser, DirectoryBookingEraser>();
builder.Services.AddSingleton<IBookingHistory, DirectoryBookingHistory>();
builder.Services.AddInternalGrpcClient<AvailabilityService.AvailabilityServiceClient>(
    new Uri(builder.Configuration["Services:Directory"] ?? "http://directory"), AvailabilityService.Descriptor);
builder.Services.AddInternalGrpcClient<DirectoryService.DirectoryServiceClient>(
    new Uri(builder.Configuration["Services:Directory"] ?? "http://directory"), DirectoryService.Descriptor);

var app = builder.Build();
app.UseJsonRequestErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<ProfilesApi>();
app.MapGrpcReflectionService().AllowAnonymous();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapDefaultEndpoints();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;

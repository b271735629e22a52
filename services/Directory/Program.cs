using HealingNetwork.Directory.Api;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.ServiceDefaults.Hosting;
using HealingNetwork.ServiceDefaults.Identity;
using HealingNetwork.ServiceDefaults.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHealingGrpc();
builder.AddHealingAuthentication();
builder.AddRedisStore();

builder.Services.Configure<DirectoryOptions>(builder.Configuration.GetSection("Directory"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(ModalityTaxonomy.Default);
builder.Services.AddSingleton<RedisListingStore>();
builder.Services.AddSingleton<IListingStore>(sp => sp.GetRequiredService<RedisListingStore>());
builder.Services.AddHostedService<ListingLayoutMigration>();
builder.Services.AddSingleton<ListingWriter>();
builder.Services.AddSingleton<AdminPolicy>();
builder.Services.AddHostedService<DemoDataSeeder>();
builder.Services.Configure<AvailabilityOptions>(builder.Configuration.GetSection("Availability"));
builder.Services.AddSingleton<RedisAvailabilityStore>();
builder.Services.AddSingleton<IAvailabilityStore>(sp => sp.GetRequiredService<RedisAvailabilityStore>());
builder.Services.AddHostedService<CalendarMigration>();
builder.Services.AddSingleton<OpenSlotReader>();
builder.Services.AddSingleton<AvailabilityGeneration>();
builder.AddListingSearch();

var app = builder.Build();
app.UseJsonRequestErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<DirectoryApi>();
app.MapGrpcService<AvailabilityApi>();
app.MapGrpcService<InteropApi>();
app.MapCalendarFeed();
app.MapGrpcReflectionService().AllowAnonymous();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapDefaultEndpoints();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;

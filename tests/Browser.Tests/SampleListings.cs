using Grpc.Core;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Browser.Tests;

/// <summary>A small Portland directory: a naturopath and two cardiologists, one who shares decisions.</summary>
public static class SampleListings
{
    public const double PortlandLat = 45.5152, PortlandLon = -122.6784;
    public const string Naturopath = "Maya Okafor, ND";
    public const string RespectfulCardiologist = "Dr. Lena Brooks";
    public const string BriskCardiologist = "Dr. Victor Hale";

    public static async Task<IReadOnlyList<Listing>> CreateAsync(RunningSystem system, string owner = "seed-practitioner")
    {
        var client = new DirectoryService.DirectoryServiceClient(system.Channel());
        var headers = new Metadata { { "authorization", "Bearer " + RunningSystem.Token(owner) } };
        var created = new List<Listing>();
        foreach (var listing in new[] { NaturopathListing(), Cardiologist(RespectfulCardiologist, true), Cardiologist(BriskCardiologist, false) })
            created.Add(await client.CreateListingAsync(new CreateListingRequest { Listing = listing }, headers));
        return created;
    }

    public static Listing NaturopathListing() => new()
    {
        DisplayName = Naturopath,
        Bio = "Naturopathic doctor. Food, herbs and sleep first; we decide together.",
        Modalities = { "naturopathy" },
        Orientation = Orientation.NatureOriented,
        LifestyleTags = { "organic-food", "herbs-first" },
        Licensure = new Licensure { Kind = LicensureKind.StateLicensed, LicenceNumber = "ND-1234", Jurisdiction = "US-OR", Credential = "ND" },
        Approach = new Approach { SharedDecisions = true, InformsOfOptions = true, LifestyleFocus = true, IntakeMinutes = 90, CollaboratesWith = { "cardiology" } },
        Terms = new ExchangeTerms { Currency = "USD", FeeMin = 9000, FeeMax = 15000, SlidingScaleMin = 4000, BarterAccepted = { "produce" } },
        Locations = { new Location { Lat = PortlandLat, Lon = PortlandLon, City = "Portland", Region = "OR", Country = "US" } },
        Telehealth = true,
        Languages = { "en" },
        AcceptingNewClients = true,
        TimeZone = "America/Los_Angeles",
    };

    public static Listing Cardiologist(string name, bool respectful) => new()
    {
        DisplayName = name,
        Bio = "Cardiologist.",
        Modalities = { "cardiology" },
        Specialties = { "207RC0000X" },
        Orientation = Orientation.Conventional,
        Licensure = new Licensure { Kind = LicensureKind.StateLicensed, LicenceNumber = "MD-" + name.Length, Jurisdiction = "US-OR", Credential = "MD" },
        Approach = new Approach { SharedDecisions = respectful, InformsOfOptions = respectful, IntakeMinutes = 30 },
        Terms = new ExchangeTerms { Currency = "USD", FeeMin = 20000, FeeMax = 40000 },
        Locations = { new Location { Lat = PortlandLat + 0.01, Lon = PortlandLon, City = "Portland", Region = "OR", Country = "US" } },
        Languages = { "en" },
        AcceptingNewClients = true,
        TimeZone = "America/Los_Angeles",
    };
}

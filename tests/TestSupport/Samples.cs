using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Testing;

/// <summary>Valid, realistic requests that tests change one thing at a time.</summary>
public static class Samples
{
    /// <summary>Portland, Oregon (city centre).</summary>
    public const double PortlandLat = 45.5152, PortlandLon = -122.6784;

    /// <summary>A licensed naturopath in Portland who shares decisions and offers a sliding scale.</summary>
    public static Listing Naturopath(string name = "Maya Okafor, ND", double lat = PortlandLat, double lon = PortlandLon) => new()
    {
        DisplayName = name,
        Bio = "Naturopathic doctor. Food, herbs and sleep first; we decide together.",
        Modalities = { "naturopathy" },
        Specialties = { "175F00000X" },
        Orientation = Orientation.NatureOriented,
        LifestyleTags = { "organic-food", "herbs-first" },
        Licensure = new Licensure { Kind = LicensureKind.StateLicensed, LicenceNumber = "ND-1234", Jurisdiction = "US-OR", Credential = "ND" },
        Approach = new Approach
        {
            SharedDecisions = true, InformsOfOptions = true, LifestyleFocus = true, IntakeMinutes = 90,
            TypicalTrialWeeks = 8, CostEstimate = 60000, CollaboratesWith = { "massage-therapy", "cardiology" },
        },
        Terms = new ExchangeTerms { Currency = "USD", FeeMin = 9000, FeeMax = 15000, SlidingScaleMin = 4000, BarterAccepted = { "produce" } },
        Locations = { new Location { Lat = lat, Lon = lon, City = "Portland", Region = "OR", Country = "US", PostalCode = "97205" } },
        Telehealth = true,
        Languages = { "en" },
        AcceptingNewClients = true,
        TimeZone = "America/Los_Angeles",
    };

    /// <summary>A conventional cardiologist; respectful or not as asked.</summary>
    public static Listing Cardiologist(string name, bool respectful, double lat = PortlandLat, double lon = PortlandLon)
    {
        var listing = new Listing
        {
            DisplayName = name,
            Bio = "Cardiologist.",
            Modalities = { "cardiology" },
            Specialties = { "207RC0000X" },
            Orientation = Orientation.Conventional,
            Licensure = new Licensure { Kind = LicensureKind.StateLicensed, LicenceNumber = "MD-" + name.Length, Jurisdiction = "US-OR", Credential = "MD" },
            Approach = new Approach { SharedDecisions = respectful, InformsOfOptions = respectful, IntakeMinutes = 30 },
            Terms = new ExchangeTerms { Currency = "USD", FeeMin = 20000, FeeMax = 40000 },
            Locations = { new Location { Lat = lat, Lon = lon, City = "Portland", Region = "OR", Country = "US" } },
            Languages = { "en" },
            AcceptingNewClients = true,
            TimeZone = "America/Los_Angeles",
        };
        if (respectful) listing.Approach.CollaboratesWith.Add("naturopathy");
        return listing;
    }

    /// <summary>A client in Portland who lives naturally and seeks a naturopath.</summary>
    public static Profile NatureClient() => new()
    {
        DisplayName = "River",
        Orientation = Orientation.NatureOriented,
        LifestyleTags = { "organic-food", "herbs-first" },
        SoughtModalities = { "naturopathy" },
        Home = new GeoPoint { Lat = PortlandLat, Lon = PortlandLon },
        MaxTravelKm = 25,
        TelehealthOk = true,
        Languages = { "en" },
        Budget = new Budget { Currency = "USD", MaxPerSession = 5000 },
        BarterOffers = { "produce" },
        Story = "Tired for two years; I want to heal my gut with food and herbs before medication.",
    };
}

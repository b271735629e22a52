using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>
/// Fixed listings and a fixed taxonomy for golden tests: every field that reaches the index is set,
/// and nothing depends on the clock or on the shipped taxonomy (which may grow).
/// </summary>
public static class GoldenListings
{
    /// <summary>Portland, Oregon: the centre of the geo queries.</summary>
    public const double CentreLat = 45.5152;
    public const double CentreLon = -122.6784;

    public static Listing Naturopath() => new()
    {
        Id = "01JABCDEFGHJKMNPQRSTVWXYZ0",
        OwnerId = "owner-1",
        DisplayName = "Dr. Rowan Alder, ND",
        Bio = "Herbs, food and sleep first; referrals when you need them.",
        Modalities = { "naturopathy", "herbal-medicine" },
        Specialties = { "175F00000X" },
        Orientation = Orientation.NatureOriented,
        LifestyleTags = { "herbs-first", "organic-food" },
        Terms = new ExchangeTerms
        {
            Currency = "USD",
            FeeMin = 12000,
            FeeMax = 18000,
            SlidingScaleMin = 6000,
            BarterAccepted = { "produce" },
            TimeBank = true,
        },
        Locations =
        {
            new Location { Lat = 45.5231, Lon = -122.6765, City = "Portland", Region = "OR", Country = "US" },
            new Location { Lat = 45.6387, Lon = -122.6615, City = "Vancouver", Region = "WA", Country = "US" },
        },
        Telehealth = true,
        Languages = { "en", "pt-BR" },
        AcceptingNewClients = true,
        TimeZone = "America/Los_Angeles",
        LastConfirmedTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero)),
    };

    public static Listing TelehealthCounsellor() => new()
    {
        Id = "01JBCDEFGHJKMNPQRSTVWXYZ01",
        OwnerId = "owner-2",
        DisplayName = "Sam Reyes",
        Bio = "Counselling by video.",
        Modalities = { "counselling" },
        Orientation = Orientation.Integrative,
        Terms = new ExchangeTerms { Currency = "USD", FeeMin = 9000, FeeMax = 9000 },
        Telehealth = true,
        Languages = { "es" },
        AcceptingNewClients = false,
        TimeZone = "America/Chicago",
        LastConfirmedTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero)),
    };

    /// <summary>A taxonomy of two modalities, to show the index-time synonym expansion.</summary>
    public static Modality? FindModality(string code) => code switch
    {
        "naturopathy" => new Modality { Code = code, Name = "Naturopathy", Synonyms = { "naturopathic medicine", "ND" } },
        "herbal-medicine" => new Modality { Code = code, Name = "Herbal medicine", Synonyms = { "herbalism", "phytotherapy" } },
        _ => null,
    };
}

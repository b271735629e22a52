using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Tests.Search;

/// <summary>
/// Builds listings for the search tests: a plain, accepting, recently confirmed naturopath
/// in English, changed only where a test says so, so each test shows what it depends on.
/// </summary>
internal static class TestListing
{
    public static readonly DateTimeOffset ConfirmedAt = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Listing Make(string id, Action<Listing>? configure = null)
    {
        var listing = new Listing
        {
            Id = id,
            OwnerId = "owner-" + id,
            DisplayName = "Practitioner " + id,
            Bio = "Sessions in a quiet room.",
            Modalities = { "naturopathy" },
            Orientation = Orientation.NatureOriented,
            Languages = { "en" },
            AcceptingNewClients = true,
            TimeZone = "America/Los_Angeles",
            Terms = new ExchangeTerms { Currency = "USD", FeeMin = 10_000, FeeMax = 15_000 },
            LastConfirmedTime = Timestamp.FromDateTimeOffset(ConfirmedAt),
        };
        configure?.Invoke(listing);
        return listing;
    }

    public static Location At(double lat, double lon, string city = "") => new() { Lat = lat, Lon = lon, City = city };
}

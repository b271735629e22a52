namespace HealingNetwork.Directory.Domain;

/// <summary>
/// A city that synthetic listings are placed around: its real centre, IANA zone, currency,
/// languages and the formats local data takes (postal codes, licensing jurisdiction).
/// </summary>
/// <param name="PostalPattern">Bogus pattern: # a digit, ? an upper-case letter.</param>
/// <param name="FeeScale">Multiplier from the USD-like fee ranges to this currency's minor units,
/// so a session in pesos costs about what it does in dollars.</param>
internal sealed record SyntheticRegion(
    string City,
    string Region,
    string Country,
    double Lat,
    double Lon,
    string TimeZone,
    string Currency,
    string[] Languages,
    string BogusLocale,
    string PostalPattern,
    string Jurisdiction,
    int FeeScale = 1)
{
    public static IReadOnlyList<SyntheticRegion> All { get; } =
    [
        new("Portland", "Oregon", "US", 45.5152, -122.6784, "America/Los_Angeles", "USD", ["en"], "en_US", "972##", "US-OR"),
        new("Seattle", "Washington", "US", 47.6062, -122.3321, "America/Los_Angeles", "USD", ["en"], "en_US", "981##", "US-WA"),
        new("San Francisco", "California", "US", 37.7749, -122.4194, "America/Los_Angeles", "USD", ["en", "es"], "en_US", "941##", "US-CA"),
        new("Denver", "Colorado", "US", 39.7392, -104.9903, "America/Denver", "USD", ["en"], "en_US", "802##", "US-CO"),
        new("Austin", "Texas", "US", 30.2672, -97.7431, "America/Chicago", "USD", ["en", "es"], "en_US", "787##", "US-TX"),
        new("Chicago", "Illinois", "US", 41.8781, -87.6298, "America/Chicago", "USD", ["en"], "en_US", "606##", "US-IL"),
        new("New York", "New York", "US", 40.7128, -74.0060, "America/New_York", "USD", ["en", "es"], "en_US", "100##", "US-NY"),
        new("Boston", "Massachusetts", "US", 42.3601, -71.0589, "America/New_York", "USD", ["en"], "en_US", "021##", "US-MA"),
        new("Asheville", "North Carolina", "US", 35.5951, -82.5515, "America/New_York", "USD", ["en"], "en_US", "288##", "US-NC"),
        new("Toronto", "Ontario", "CA", 43.6532, -79.3832, "America/Toronto", "CAD", ["en", "fr"], "en_CA", "M#? #?#", "CA-ON"),
        new("Vancouver", "British Columbia", "CA", 49.2827, -123.1207, "America/Vancouver", "CAD", ["en"], "en_CA", "V6? #?#", "CA-BC"),
        new("Mexico City", "Ciudad de México", "MX", 19.4326, -99.1332, "America/Mexico_City", "MXN", ["es"], "es_MX", "0####", "MX-CMX", FeeScale: 10),
        new("London", "England", "GB", 51.5074, -0.1278, "Europe/London", "GBP", ["en"], "en_GB", "E# #??", "GB-ENG"),
        new("Berlin", "Berlin", "DE", 52.5200, 13.4050, "Europe/Berlin", "EUR", ["de"], "de", "10###", "DE-BE"),
        new("Lisbon", "Lisboa", "PT", 38.7223, -9.1393, "Europe/Lisbon", "EUR", ["pt"], "pt_PT", "1###-###", "PT-11"),
        new("Sydney", "New South Wales", "AU", -33.8688, 151.2093, "Australia/Sydney", "AUD", ["en"], "en_AU", "20##", "AU-NSW"),
    ];
}

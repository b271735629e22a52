using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Tests.Properties;

/// <summary>
/// The DESIGN's hard rules written out again, independently of the product's HardFilters, as
/// the oracle the property tests hold the product to. Distance is recomputed from the
/// profile's home with the haversine formula (nearest location).
/// </summary>
internal static class HardRules
{
    private const double EarthRadiusKm = 6371.0088;
    private const double ToleranceKm = 0.01;

    public static IReadOnlyList<string> Broken(Profile profile, Listing listing, double maxTravelKm, bool includeInfeasibleTerms)
    {
        var broken = new List<string>();
        if (listing.Modalities.Any(m => profile.AvoidedModalities.Contains(m))) broken.Add("offers an avoided modality");
        if (!listing.AcceptingNewClients) broken.Add("not accepting new clients");
        var distance = NearestKm(profile, listing);
        if (!(distance <= maxTravelKm + ToleranceKm) && !ComesHome(profile, listing) && !(listing.Telehealth && profile.TelehealthOk))
            broken.Add($"out of travel range ({distance:0.###} km)");
        // A language is shared when the primary subtags (before the first "-") are equal, ignoring case: "pt-BR" ~ "pt".
        if (profile.Languages.Count > 0 && !listing.Languages.Any(l => profile.Languages.Any(p => string.Equals(p.Split('-')[0], l.Split('-')[0], StringComparison.OrdinalIgnoreCase))))
            broken.Add("no shared language");
        if (!includeInfeasibleTerms && !SomeWayToGive(profile, listing.Terms)) broken.Add("terms the client cannot meet");
        return broken;
    }

    /// <summary>The client's home is within the home-visit radius of one of the listing's locations.</summary>
    public static bool ComesHome(Profile profile, Listing listing) =>
        profile.Home is { } home && listing.Locations.Any(l => l.ServiceRadiusKm > 0 && Haversine(home.Lat, home.Lon, l.Lat, l.Lon) <= l.ServiceRadiusKm);

    /// <summary>Kilometres from home to the nearest location; infinity without a home or locations.</summary>
    public static double NearestKm(Profile profile, Listing listing) =>
        profile.Home is { } home && listing.Locations.Count > 0
            ? listing.Locations.Min(l => Haversine(home.Lat, home.Lon, l.Lat, l.Lon))
            : double.PositiveInfinity;

    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static bool SomeWayToGive(Profile profile, ExchangeTerms? terms)
    {
        var budget = profile.Budget is { MaxPerSession: > 0 } b ? b : null;
        if (budget is null && profile.BarterOffers.Count == 0 && !profile.TimeBankHours) return true;
        if (terms is null) return false;
        var pays = budget is not null && budget.Currency == terms.Currency &&
            (terms.FeeMin <= budget.MaxPerSession || (terms.SlidingScaleMin > 0 && terms.SlidingScaleMin <= budget.MaxPerSession));
        var barters = profile.BarterOffers.Intersect(terms.BarterAccepted).Any();
        var hours = profile.TimeBankHours && terms.TimeBank;
        return pays || barters || hours;
    }
}

using HealingNetwork.Directory.Storage.Search;

namespace HealingNetwork.Directory.Tests.Search;

/// <summary>City centres for geo tests; expected distances are haversine on the 6371.0088 km sphere.</summary>
internal static class Places
{
    public static readonly (double Lat, double Lon) Portland = (45.5152, -122.6784);
    public static readonly (double Lat, double Lon) Seattle = (47.6062, -122.3321);
    public static readonly (double Lat, double Lon) VancouverWa = (45.6387, -122.6615);
    public static readonly (double Lat, double Lon) Eugene = (44.0521, -123.0868);
    public static readonly (double Lat, double Lon) NewYork = (40.7128, -74.0060);
    public static readonly (double Lat, double Lon) London = (51.5074, -0.1278);

    public const double PortlandToSeattleKm = 234.01;
    public const double PortlandToVancouverWaKm = 13.80;
    public const double PortlandToEugeneKm = 165.85;
    public const double NewYorkToLondonKm = 5570.23;

    public static GeoFilter Around((double Lat, double Lon) place, double radiusKm) => new(place.Lat, place.Lon, radiusKm);
}

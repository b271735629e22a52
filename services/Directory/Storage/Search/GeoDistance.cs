using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Great-circle distance and the latitude/longitude box that contains a search circle.
/// Distance: haversine, d = 2R·asin(√(sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2))), R = 6371.0088 km
/// (the IUGG mean Earth radius, the one Elasticsearch uses, so both backends agree to the metre).
/// Box: J. Matuschek, "Finding Points Within a Distance of a Latitude/Longitude Using Bounding
/// Coordinates" — exact for a sphere, including circles over a pole or across the antimeridian.
/// </summary>
internal static class GeoDistance
{
    public const double EarthRadiusKm = 6371.0088;

    // The box is only a prefilter; widening it by ~1 cm keeps points on its border from being
    // lost to rounding, and the exact distance check decides.
    private const double PaddingDegrees = 1e-7;

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2) =>
        KmOf(Haversine(lat1, lon1, CosLatitude(lat1), lat2, lon2, CosLatitude(lat2)));

    /// <summary>
    /// The distance from (lat, lon) to the nearest of <paramref name="locations"/>, -1 when there is
    /// none: the least haversine term, then one arcsine. The Lucene index computes every hit's
    /// distance this way from its per-segment copies (SegmentValues.NearestDistanceKm, with the
    /// same cos φ values), and the Elasticsearch backend through this method, so the two agree exactly.
    /// </summary>
    public static double NearestKm(double lat, double lon, IReadOnlyList<Location> locations)
    {
        if (locations.Count == 0) return -1;
        var cosLat = CosLatitude(lat);
        var nearest = double.MaxValue;
        foreach (var location in locations)
            nearest = Math.Min(nearest, Haversine(lat, lon, cosLat, location.Lat, location.Lon, CosLatitude(location.Lat)));
        return KmOf(nearest);
    }

    /// <summary>
    /// Whether (lat, lon) lies within the home-visit radius (<see cref="Location.ServiceRadiusKm"/>) of
    /// any of <paramref name="locations"/>: the practitioner comes to a client there. The same
    /// arithmetic as the Lucene index's (SegmentValues.NearestDistanceKm), so the backends agree.
    /// </summary>
    public static bool Visits(double lat, double lon, IReadOnlyList<Location> locations)
    {
        var cosLat = CosLatitude(lat);
        foreach (var location in locations)
        {
            if (location.ServiceRadiusKm > 0
                && KmOf(Haversine(lat, lon, cosLat, location.Lat, location.Lon, CosLatitude(location.Lat))) <= location.ServiceRadiusKm)
                return true;
        }
        return false;
    }

    /// <summary>cos φ of a latitude in degrees, the factor <see cref="Haversine"/> takes precomputed.</summary>
    public static double CosLatitude(double lat) => Math.Cos(ToRadians(lat));

    /// <summary>
    /// The haversine term h = sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2), with each cos φ given. The
    /// distance <see cref="KmOf"/>(h) increases with h, so the nearest of several points is the one
    /// of least h, and only its distance needs the arcsine.
    /// </summary>
    public static double Haversine(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2)
    {
        var sinLat = Math.Sin(ToRadians(lat2 - lat1) / 2);
        var sinLon = Math.Sin(ToRadians(lon2 - lon1) / 2);
        return sinLat * sinLat + cosLat1 * cosLat2 * sinLon * sinLon;
    }

    /// <summary>The great-circle distance in km of a haversine term.</summary>
    public static double KmOf(double haversine) => 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, haversine)));

    /// <summary>
    /// The latitude range and one or two longitude ranges (two when the circle crosses the
    /// antimeridian) that contain every point within <paramref name="radiusKm"/> of the centre.
    /// </summary>
    public static (double MinLat, double MaxLat, IReadOnlyList<(double Min, double Max)> LonRanges) BoundingBox(
        double lat, double lon, double radiusKm)
    {
        var angular = radiusKm / EarthRadiusKm;
        var latRad = ToRadians(lat);
        var minLat = latRad - angular;
        var maxLat = latRad + angular;
        if (minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2 || angular >= Math.PI)
        {
            // A pole lies inside the circle: every longitude is reachable.
            return (Math.Max(-90, ToDegrees(minLat) - PaddingDegrees), Math.Min(90, ToDegrees(maxLat) + PaddingDegrees),
                [(-180, 180)]);
        }

        var deltaLon = Math.Asin(Math.Min(1, Math.Sin(angular) / Math.Cos(latRad)));
        var minLon = ToDegrees(ToRadians(lon) - deltaLon) - PaddingDegrees;
        var maxLon = ToDegrees(ToRadians(lon) + deltaLon) + PaddingDegrees;
        IReadOnlyList<(double, double)> lonRanges =
            minLon < -180 ? [(minLon + 360, 180), (-180, maxLon)]
            : maxLon > 180 ? [(minLon, 180), (-180, maxLon - 360)]
            : [(minLon, maxLon)];
        return (ToDegrees(minLat) - PaddingDegrees, ToDegrees(maxLat) + PaddingDegrees, lonRanges);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;
}

using System.Text.Json.Serialization;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The home-visit areas of a listing's locations as one GeoJSON MultiPolygon for a <c>geo_shape</c>
/// field (Elasticsearch indexes no circles): each circle as a polygon of <see cref="Vertices"/> points
/// on it, so the polygon lies inside the circle and misses at most 0.12 % of its radius at the edge
/// (36 m of 30 km) — a point that near the edge may be missed, never a point beyond it claimed. A
/// circle that crosses the antimeridian or holds a pole is its bounding box instead (split at the
/// antimeridian), which claims a little more than the circle there.
/// </summary>
internal sealed class ElasticsearchServiceAreas
{
    private const int Vertices = 64;

    [JsonPropertyName("type")] public string Type => "MultiPolygon";

    /// <summary>Polygons of one outer ring each, counter-clockwise, points as [lon, lat].</summary>
    [JsonPropertyName("coordinates")] public IReadOnlyList<IReadOnlyList<IReadOnlyList<double[]>>> Coordinates { get; init; } = [];

    /// <summary>The areas of the locations that offer home visits; null when none does.</summary>
    public static ElasticsearchServiceAreas? Of(IEnumerable<Location> locations)
    {
        var polygons = locations.Where(l => l.ServiceRadiusKm > 0).SelectMany(Polygons).ToArray();
        return polygons.Length == 0 ? null : new ElasticsearchServiceAreas { Coordinates = polygons };
    }

    private static IEnumerable<IReadOnlyList<double[]>[]> Polygons(Location location)
    {
        var (minLat, maxLat, lonRanges) = GeoDistance.BoundingBox(location.Lat, location.Lon, location.ServiceRadiusKm);
        if (lonRanges.Count > 1 || lonRanges[0] is (-180, 180))
        {
            foreach (var (minLon, maxLon) in lonRanges)
                yield return [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]];
            yield break;
        }

        yield return [Circle(location)];
    }

    /// <summary>Points on the circle by the destination formula, bearings turning counter-clockwise, closed.</summary>
    private static double[][] Circle(Location centre)
    {
        var ring = new double[Vertices + 1][];
        var angular = centre.ServiceRadiusKm / GeoDistance.EarthRadiusKm;
        var lat1 = centre.Lat * Math.PI / 180;
        var lon1 = centre.Lon * Math.PI / 180;
        for (var k = 0; k < Vertices; k++)
        {
            var bearing = -2 * Math.PI * k / Vertices;
            var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(angular) + Math.Cos(lat1) * Math.Sin(angular) * Math.Cos(bearing));
            var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(angular) * Math.Cos(lat1), Math.Cos(angular) - Math.Sin(lat1) * Math.Sin(lat2));
            ring[k] = [Math.Round(lon2 * 180 / Math.PI, 7), Math.Round(lat2 * 180 / Math.PI, 7)];
        }
        ring[Vertices] = ring[0];
        return ring;
    }
}

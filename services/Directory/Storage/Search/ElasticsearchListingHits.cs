using Elastic.Clients.Elasticsearch;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Turns a search response into a <see cref="ListingSearchPage"/>. The reported distance is
/// recomputed with the exact haversine formula from the listing's own locations rather than taken
/// from the <c>_geo_distance</c> sort value: Elasticsearch computes that one with a faster, slightly
/// approximate formula, and both backends must report the same number for the same listing.
/// </summary>
internal static class ElasticsearchListingHits
{
    /// <summary>Mean Earth radius (IUGG), the one Lucene and Elasticsearch also use.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public static ListingSearchPage ToPage(SearchResponse<ElasticsearchListingDocument> response, GeoFilter? near)
    {
        var hits = response.Hits
            .Where(hit => hit.Source is not null)
            .Select(hit =>
            {
                var listing = hit.Source!.ToListing();
                return new ListingHit(listing, DistanceKm(listing, near), hit.Score ?? 0);
            })
            .ToArray();
        return new ListingSearchPage(hits, checked((int)response.Total));
    }

    /// <summary>Haversine distance to the nearest location; -1 without a centre or a location.</summary>
    public static double DistanceKm(Listing listing, GeoFilter? near)
    {
        if (near is null || listing.Locations.Count == 0)
            return -1;
        return listing.Locations.Min(l => HaversineKm(near.Lat, near.Lon, l.Lat, l.Lon));
    }

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

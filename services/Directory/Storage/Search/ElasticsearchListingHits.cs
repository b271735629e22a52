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

    /// <summary>
    /// Distance to the nearest location; -1 without a centre or a location. Computed by
    /// <see cref="GeoDistance.NearestKm"/>, the same arithmetic as the Lucene index's, so both backends
    /// report the same number to the last bit.
    /// </summary>
    public static double DistanceKm(Listing listing, GeoFilter? near) =>
        near is null ? -1 : GeoDistance.NearestKm(near.Lat, near.Lon, listing.Locations);
}

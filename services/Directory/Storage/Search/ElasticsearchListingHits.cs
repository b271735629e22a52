using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Turns a search response into a <see cref="ListingSearchPage"/>. The reported distance is
/// recomputed with the exact haversine formula from the listing's own locations rather than taken
/// from the <c>_geo_distance</c> sort value: Elasticsearch computes that one with a faster, slightly
/// approximate formula, and both backends must report the same number for the same listing.
/// The next page starts after the last hit's own sort values, as the cluster ordered it.
/// </summary>
internal static class ElasticsearchListingHits
{
    /// <summary>The page (the request asked for one hit more than <see cref="ListingSearchQuery.Limit"/>: if it came, a next page exists).</summary>
    public static ListingSearchPage ToPage(SearchResponse<ElasticsearchListingDocument> response, ListingSearchQuery query)
    {
        var returned = response.Hits.Where(hit => hit.Source is not null).ToArray();
        var page = returned.Take(query.Limit).Select(hit => (Hit: hit, Listing: hit.Source!.ToListing())).ToArray();
        var hits = page.Select(h => new ListingHit(h.Listing, DistanceKm(h.Listing, query.Near), h.Hit.Score ?? 0,
            query.Near is { } near && GeoDistance.Visits(near.Lat, near.Lon, h.Listing.Locations))).ToArray();
        var next = returned.Length > query.Limit && page.Length > 0 ? CursorOf(page[^1].Hit, page[^1].Listing.Id, query) : null;
        return new ListingSearchPage(hits, checked((int)response.Total), Next: next);
    }

    /// <summary>A hit's sort values (<see cref="ElasticsearchListingQuery.ToSort"/>'s order) as a cursor.</summary>
    private static SearchCursor CursorOf(Hit<ElasticsearchListingDocument> hit, string id, ListingSearchQuery query)
    {
        var sort = hit.Sort?.ToArray() ?? [];
        var position = 0;
        var score = ElasticsearchListingQuery.SortsByScore(query) ? (float)(Number(sort, position++) ?? hit.Score ?? 0) : 0f;
        var distance = ElasticsearchListingQuery.SortsByDistance(query) ? Number(sort, position) ?? double.PositiveInfinity : 0;
        return new SearchCursor(score, distance, id, (int)Math.Min(int.MaxValue, (long)(query.After?.Position ?? 0) + query.Offset + query.Limit));
    }

    /// <summary>A numeric sort value; Elasticsearch writes infinities as strings ("Infinity").</summary>
    private static double? Number(FieldValue[] sort, int position)
    {
        if (position >= sort.Length) return null;
        var value = sort[position];
        if (value.TryGetDouble(out var d)) return d;
        if (value.TryGetLong(out var l)) return l;
        return value.TryGetString(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>
    /// Distance to the nearest location; -1 without a centre or a location. Computed by
    /// <see cref="GeoDistance.NearestKm"/>, the same arithmetic as the Lucene index's, so both backends
    /// report the same number to the last bit.
    /// </summary>
    public static double DistanceKm(Listing listing, GeoFilter? near) =>
        near is null ? -1 : GeoDistance.NearestKm(near.Lat, near.Lon, listing.Locations);
}

using System.Net;
using Google.Protobuf;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using Xunit;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>Reading what the cluster answers: hits back to listings, distances, totals and failures.</summary>
public sealed class ElasticsearchSearchResponseTests
{
    private readonly RecordingElasticsearch _node = new();
    private readonly ElasticsearchListingIndex _index;

    public ElasticsearchSearchResponseTests()
    {
        _index = new ElasticsearchListingIndex(_node.Client, ElasticsearchListingIndex.DefaultIndexName, GoldenListings.FindModality);
    }

    [Fact]
    public async Task Hits_return_the_indexed_listings_with_exact_distance_and_the_full_total()
    {
        var naturopath = GoldenListings.Naturopath();
        var counsellor = GoldenListings.TelehealthCounsellor();
        _node.Respond("POST /healing-listings/_search", HttpStatusCode.OK, SearchResponse(total: 42,
            Hit(naturopath, score: 2.5, sort: "2.5, 0.8908"),
            Hit(counsellor, score: 1.25, sort: "1.25, \"Infinity\"")));
        var near = new GeoFilter(GoldenListings.CentreLat, GoldenListings.CentreLon, 50);

        var page = await _index.SearchAsync(new ListingSearchQuery { Text = "herbs", Near = near, IncludeTelehealth = true }, CancellationToken.None);

        Assert.Equal(42, page.TotalSize);
        Assert.Equal([naturopath, counsellor], page.Hits.Select(h => h.Listing));
        // The nearer of the naturopath's two locations (Portland, not Vancouver).
        var expected = GeoDistance.HaversineKm(near.Lat, near.Lon, 45.5231, -122.6765);
        Assert.Equal(expected, page.Hits[0].DistanceKm, precision: 12);
        Assert.InRange(page.Hits[0].DistanceKm, 0.88, 0.90);
        Assert.Equal(-1, page.Hits[1].DistanceKm);
        Assert.Equal([2.5, 1.25], page.Hits.Select(h => h.Relevance));
    }

    [Fact]
    public async Task The_hit_beyond_the_page_is_left_out_and_says_where_the_next_page_starts()
    {
        var naturopath = GoldenListings.Naturopath();
        var counsellor = GoldenListings.TelehealthCounsellor();
        var beyond = GoldenListings.Naturopath();
        beyond.Id = "zz-beyond";
        _node.Respond("POST /healing-listings/_search", HttpStatusCode.OK, SearchResponse(total: 42,
            Hit(naturopath, score: 2.5, sort: $"2.5, 0.8908, \"{naturopath.Id}\""),
            Hit(counsellor, score: 1.25, sort: $"1.25, \"Infinity\", \"{counsellor.Id}\""),
            Hit(beyond, score: 1.25, sort: "1.25, \"Infinity\", \"zz-beyond\"")));
        var near = new GeoFilter(GoldenListings.CentreLat, GoldenListings.CentreLon, 50);

        var page = await _index.SearchAsync(new ListingSearchQuery { Text = "herbs", Near = near, IncludeTelehealth = true, Limit = 2 }, CancellationToken.None);

        Assert.Equal([naturopath.Id, counsellor.Id], page.Hits.Select(h => h.Listing.Id));
        Assert.Equal(new SearchCursor(1.25f, double.PositiveInfinity, counsellor.Id, 2), page.Next);
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor()
    {
        _node.Respond("POST /healing-listings/_search", HttpStatusCode.OK,
            SearchResponse(total: 1, Hit(GoldenListings.Naturopath(), score: null, sort: "\"01JABCDEFGHJKMNPQRSTVWXYZ0\"")));

        var page = await _index.SearchAsync(new ListingSearchQuery { Sort = SearchSort.Id, Limit = 1 }, CancellationToken.None);

        Assert.Single(page.Hits);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Without_a_centre_distance_is_minus_one()
    {
        _node.Respond("POST /healing-listings/_search", HttpStatusCode.OK,
            SearchResponse(total: 1, Hit(GoldenListings.Naturopath(), score: null, sort: "\"01JABCDEFGHJKMNPQRSTVWXYZ0\"")));

        var page = await _index.SearchAsync(new ListingSearchQuery { Sort = SearchSort.Id }, CancellationToken.None);

        Assert.Equal(-1, Assert.Single(page.Hits).DistanceKm);
        Assert.Equal(0, page.Hits[0].Relevance);
    }

    [Fact]
    public void One_degree_of_latitude_is_the_mean_earth_radius_times_pi_over_180()
    {
        Assert.Equal(6371.0088 * Math.PI / 180, GeoDistance.HaversineKm(10, 20, 11, 20), precision: 9);
        Assert.Equal(0, GeoDistance.HaversineKm(45.5, -122.6, 45.5, -122.6));
    }

    [Fact]
    public async Task Count_reads_the_count_api()
    {
        _node.Respond("POST /healing-listings/_count", HttpStatusCode.OK, """{"count":3,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}""");

        Assert.Equal(3, await _index.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Checkpoint_of_a_new_index_is_null()
    {
        _node.Respond("GET /healing-listings-meta/_doc/checkpoint", HttpStatusCode.NotFound, CannedResponses.IndexMissing);

        Assert.Null(await _index.GetCheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_rejected_bulk_item_fails_the_upsert_with_the_server_reason()
    {
        _node.Respond("POST /healing-listings/_bulk", HttpStatusCode.OK,
            """{"took":1,"errors":true,"items":[{"index":{"_index":"healing-listings","_id":"01JABCDEFGHJKMNPQRSTVWXYZ0","status":400,"error":{"type":"document_parsing_exception","reason":"failed to parse field [locations]"}}}]}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _index.UpsertAsync([GoldenListings.Naturopath()], CancellationToken.None));

        Assert.Contains("failed to parse field [locations]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_search_names_the_server_reason()
    {
        _node.Respond("POST /healing-listings/_search", HttpStatusCode.BadRequest,
            """{"error":{"root_cause":[],"type":"search_phase_execution_exception","reason":"all shards failed"},"status":400}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _index.SearchAsync(new ListingSearchQuery(), CancellationToken.None));

        Assert.Contains("all shards failed", error.Message, StringComparison.Ordinal);
    }

    private static string Hit(Listing listing, double? score, string sort) =>
        $$$"""{"_index":"healing-listings","_id":"{{{listing.Id}}}","_score":{{{(score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}}},"_source":{"listing":"{{{listing.ToByteString().ToBase64()}}}"},"sort":[{{{sort}}}]}""";

    private static string SearchResponse(int total, params string[] hits) =>
        $$$"""{"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":{{{total}}},"relation":"eq"},"max_score":null,"hits":[{{{string.Join(",", hits)}}}]}}""";
}

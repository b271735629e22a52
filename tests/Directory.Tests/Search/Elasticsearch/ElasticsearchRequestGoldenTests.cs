using System.Net;
using System.Text.Json.Nodes;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using Xunit;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>
/// Pins the requests <see cref="ElasticsearchListingIndex"/> sends (golden/*.json). Each file is what
/// a cluster would receive; a failing test means the query semantics may have changed.
/// </summary>
public sealed class ElasticsearchRequestGoldenTests
{
    private readonly RecordingElasticsearch _node = new();
    private readonly ElasticsearchListingIndex _index;

    public ElasticsearchRequestGoldenTests()
    {
        _index = new ElasticsearchListingIndex(_node.Client, ElasticsearchListingIndex.DefaultIndexName, GoldenListings.FindModality);
    }

    private static GeoFilter Portland(double radiusKm = 25) => new(GoldenListings.CentreLat, GoldenListings.CentreLon, radiusKm);

    [Fact]
    public async Task Missing_index_is_created_with_the_mapping_on_first_use()
    {
        _node.Respond("HEAD /healing-listings", HttpStatusCode.NotFound, "");

        await _index.CountAsync(CancellationToken.None);
        await _index.CountAsync(CancellationToken.None);

        GoldenFile.AssertMatches("create-index", _node.Requests);
    }

    [Fact]
    public async Task Existing_index_gets_the_fields_added_since_it_was_created_once()
    {
        await _index.EnsureIndexAsync(CancellationToken.None);
        await _index.EnsureIndexAsync(CancellationToken.None);

        GoldenFile.AssertMatches("update-mapping", _node.Requests);
    }

    [Fact]
    public async Task Upsert_indexes_each_listing_in_one_bulk_that_waits_for_refresh()
    {
        await _index.EnsureIndexAsync(CancellationToken.None);
        _node.Forget();

        await _index.UpsertAsync([GoldenListings.Naturopath(), GoldenListings.TelehealthCounsellor()], CancellationToken.None);

        GoldenFile.AssertMatches("bulk-upsert", _node.Requests);
    }

    [Fact]
    public async Task Delete_removes_by_id_in_one_bulk_that_waits_for_refresh()
    {
        await _index.EnsureIndexAsync(CancellationToken.None);
        _node.Forget();

        await _index.DeleteAsync(["01JABCDEFGHJKMNPQRSTVWXYZ0", "unknown-id"], CancellationToken.None);

        GoldenFile.AssertMatches("bulk-delete", _node.Requests);
    }

    [Fact]
    public async Task Empty_writes_send_nothing()
    {
        await _index.UpsertAsync([], CancellationToken.None);
        await _index.DeleteAsync([], CancellationToken.None);

        Assert.Empty(_node.Requests);
    }

    [Fact]
    public Task Query_with_every_filter() => AssertSearch("search-every-filter", new ListingSearchQuery
    {
        Text = "gut health",
        Modalities = ["naturopathy", "herbal-medicine"],
        ExcludeModalities = ["chiropractic"],
        Specialties = ["175F00000X"],
        Orientations = [Orientation.NatureOriented, Orientation.Integrative],
        LifestyleTags = ["herbs-first"],
        Languages = ["en", "pt-BR"],
        Near = Portland(25.5),
        TelehealthOnly = true,
        Terms = new TermsFilter(10000, "USD", ["produce", "carpentry"], TimeBank: true),
        AcceptingNewClientsOnly = true,
        ConfirmedSince = new DateTimeOffset(2026, 8, 27, 0, 0, 0, TimeSpan.Zero),
    });

    [Fact]
    public Task Text_only_query_scores_by_relevance_then_id() =>
        AssertSearch("search-text-only", new ListingSearchQuery { Text = "herbal sleep" });

    [Fact]
    public Task Query_without_criteria_matches_all_in_id_order() =>
        AssertSearch("search-everything", new ListingSearchQuery());

    [Fact]
    public Task Distance_sort_orders_by_nearest_location_then_id() =>
        AssertSearch("search-distance-sort", new ListingSearchQuery { Text = "massage", Near = Portland(), Sort = SearchSort.Distance });

    [Fact]
    public Task Relevance_sort_near_a_centre_breaks_ties_by_distance_then_id() =>
        AssertSearch("search-relevance-near", new ListingSearchQuery { Text = "massage", Near = Portland() });

    [Fact]
    public Task Preference_order_scores_weighted_constant_clauses_then_distance_then_id() =>
        AssertSearch("search-preference-near", new ListingSearchQuery
        {
            Text = "massage",
            Near = Portland(),
            IncludeTelehealth = true,
            ExcludeModalities = ["chiropractic"],
            Sort = SearchSort.Preference,
            Preferences =
            [
                new(PreferenceKind.LifestyleTag, ["organic-food"], 0.5f),
                new(PreferenceKind.LifestyleTag, ["herbs-first"], 0.5f),
                new(PreferenceKind.Orientation, ["NatureOriented"], 1.25f),
                new(PreferenceKind.Modality, ["naturopathy", "herbalism"], 3f),
                new(PreferenceKind.Approach, [ApproachSignals.SharedDecisions], 1f),
            ],
        });

    [Fact]
    public Task Preference_order_without_filters_keeps_every_listing() =>
        AssertSearch("search-preference-only", new ListingSearchQuery
        {
            Sort = SearchSort.Preference,
            Preferences = [new(PreferenceKind.Approach, [ApproachSignals.InformsOfOptions], 2f)],
        });

    [Fact]
    public Task Paging_maps_offset_and_limit_and_counts_every_match() =>
        AssertSearch("search-paging", new ListingSearchQuery { Sort = SearchSort.Id, Offset = 40, Limit = 20, Modalities = ["yoga"] });

    [Fact]
    public Task A_cursor_becomes_search_after_in_the_order_of_the_sort() =>
        AssertSearch("search-after-distance", new ListingSearchQuery
        {
            Near = Portland(), Sort = SearchSort.Distance, Limit = 20, After = new SearchCursor(0, 1.25, "01JABCDEFGHJKMNPQRSTVWXYZ0", 20),
        });

    [Fact]
    public Task A_cursor_at_a_listing_without_location_sends_the_distance_as_elasticsearch_wrote_it() =>
        AssertSearch("search-after-no-location", new ListingSearchQuery
        {
            Near = Portland(), IncludeTelehealth = true, Limit = 20,
            After = new SearchCursor(0, double.PositiveInfinity, "01JABCDEFGHJKMNPQRSTVWXYZ0", 40),
        });

    [Fact]
    public async Task A_text_cursor_is_scored_again_before_the_page_after_it_is_read()
    {
        _node.Respond("POST /healing-listings/_search", HttpStatusCode.OK,
            """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":1,"relation":"eq"},"max_score":3.5,"hits":[{"_index":"healing-listings","_id":"01JABCDEFGHJKMNPQRSTVWXYZ0","_score":3.5}]}}""");

        await AssertSearch("search-after-text", new ListingSearchQuery
        {
            Text = "herbs", Limit = 10, After = new SearchCursor(2.75f, 0, "01JABCDEFGHJKMNPQRSTVWXYZ0", 10),
        });
    }

    [Fact]
    public async Task A_text_cursor_whose_listing_no_longer_matches_starts_at_its_position()
    {
        await AssertSearch("search-after-text-gone", new ListingSearchQuery
        {
            Text = "herbs", Limit = 10, After = new SearchCursor(2.75f, 0, "01JABCDEFGHJKMNPQRSTVWXYZ0", 30),
        });
    }

    [Fact]
    public Task Terms_filter_passes_listings_meeting_any_alternative() =>
        AssertSearch("search-terms-or", new ListingSearchQuery { Terms = new TermsFilter(5000, "USD", ["produce"], TimeBank: true) });

    [Fact]
    public Task Terms_filter_with_only_a_fee_has_a_single_alternative() =>
        AssertSearch("search-terms-fee-only", new ListingSearchQuery { Terms = new TermsFilter(5000, "EUR", [], TimeBank: false) });

    [Fact]
    public Task Near_with_telehealth_passes_listings_in_the_radius_or_remote() =>
        AssertSearch("search-near-or-telehealth", new ListingSearchQuery { Near = Portland(10), IncludeTelehealth = true });

    [Fact]
    public async Task Injection_looking_text_is_sent_as_a_plain_string()
    {
        const string text = """title:*) OR _id:* {"query_string":{"query":"*"}} \" AND NOT""";

        await AssertSearch("search-injection-text", new ListingSearchQuery { Text = text });

        var body = JsonNode.Parse(_node.Requests.Single().Body)!;
        Assert.Equal(text, body["query"]!["bool"]!["must"]!["multi_match"]!["query"]!.GetValue<string>());
        Assert.DoesNotContain("query_string", PropertyNames(body));
        Assert.DoesNotContain("simple_query_string", PropertyNames(body));
    }

    /// <summary>Every key in the request: query syntax would show up as a key, user text only as a value.</summary>
    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray array => array.SelectMany(PropertyNames),
        _ => [],
    };

    [Fact]
    public async Task Checkpoint_is_one_document_in_the_meta_index_written_with_wait_for()
    {
        _node.Respond("GET /healing-listings-meta/_doc/checkpoint", HttpStatusCode.OK,
            """{"_index":"healing-listings-meta","_id":"checkpoint","_version":1,"_seq_no":0,"_primary_term":1,"found":true,"_source":{"position":"1732540000000-7"}}""");

        await _index.SetCheckpointAsync("1732540000000-7", CancellationToken.None);
        var position = await _index.GetCheckpointAsync(CancellationToken.None);

        Assert.Equal("1732540000000-7", position);
        GoldenFile.AssertMatches("checkpoint", _node.Requests);
    }

    [Fact]
    public async Task Clear_deletes_every_document_by_query()
    {
        await _index.EnsureIndexAsync(CancellationToken.None);
        _node.Forget();

        await _index.ClearAsync(CancellationToken.None);

        GoldenFile.AssertMatches("clear", _node.Requests);
    }

    private async Task AssertSearch(string golden, ListingSearchQuery query)
    {
        await _index.EnsureIndexAsync(CancellationToken.None);
        _node.Forget();

        await _index.SearchAsync(query, CancellationToken.None);

        GoldenFile.AssertMatches(golden, _node.Requests);
    }
}

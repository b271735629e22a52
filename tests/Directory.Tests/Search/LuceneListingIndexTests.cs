using HealingNetwork.Directory.Storage.Search;

namespace HealingNetwork.Directory.Tests.Search;

/// <summary>The search contract against the embedded Lucene index, plus what only an on-disk index must do.</summary>
public sealed class LuceneListingIndexTests : ListingSearchContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "healing-lucene-" + Guid.NewGuid().ToString("N"));

    protected override IListingSearchIndex CreateIndex() => new LuceneListingIndex(_directory, Taxonomy);

    public override void Dispose()
    {
        base.Dispose();
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_page_filled_inside_the_radius_stops_counting_and_says_the_total_is_a_lower_bound()
    {
        await Add(
            TestListing.Make("local-a", l => l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon))),
            TestListing.Make("local-b", l => l.Locations.Add(TestListing.At(Places.Portland.Lat, Places.Portland.Lon))),
            TestListing.Make("remote-far", l => { l.Telehealth = true; l.Locations.Add(TestListing.At(Places.NewYork.Lat, Places.NewYork.Lon)); }),
            TestListing.Make("remote-anywhere", l => l.Telehealth = true));
        var query = new ListingSearchQuery { Near = Places.Around(Places.Portland, 50), IncludeTelehealth = true, SkipExactTotal = true };

        var filled = await Index.SearchAsync(query with { Limit = 2 }, CancellationToken.None);
        var short_ = await Index.SearchAsync(query with { Limit = 3 }, CancellationToken.None);

        Assert.Equal(["local-b", "local-a"], filled.Hits.Select(h => h.Listing.Id));
        Assert.True(filled.TotalIsLowerBound);
        Assert.Equal(2, filled.TotalSize);
        var nearest = await Index.SearchAsync(query with { Limit = 1 }, CancellationToken.None);
        Assert.Equal(["local-b"], nearest.Hits.Select(h => h.Listing.Id));
        Assert.True(nearest.TotalIsLowerBound);
        Assert.Equal(1, nearest.TotalSize); // found within a sixteenth of the radius (3 km): Vancouver, 13 km, was not measured
        Assert.Equal(["local-b", "local-a", "remote-far"], short_.Hits.Select(h => h.Listing.Id));
        Assert.False(short_.TotalIsLowerBound);
        Assert.Equal(4, short_.TotalSize);
    }

    [Fact]
    public async Task Reopening_the_index_keeps_documents_and_checkpoint()
    {
        using (var first = new LuceneListingIndex(_directory, Taxonomy))
        {
            await first.UpsertAsync([TestListing.Make("a"), TestListing.Make("b")], CancellationToken.None);
            await first.SetCheckpointAsync("7-0", CancellationToken.None);
        }

        using var reopened = new LuceneListingIndex(_directory, Taxonomy);

        Assert.Equal(2, await reopened.CountAsync(CancellationToken.None));
        Assert.Equal("7-0", await reopened.GetCheckpointAsync(CancellationToken.None));
        Assert.Equal(["a", "b"], (await reopened.SearchAsync(new(), CancellationToken.None)).Hits.Select(h => h.Listing.Id));
    }

    [Fact]
    public async Task Writes_after_the_checkpoint_survive_a_clean_shutdown_with_the_old_checkpoint()
    {
        using (var first = new LuceneListingIndex(_directory, Taxonomy))
        {
            await first.UpsertAsync([TestListing.Make("a")], CancellationToken.None);
            await first.SetCheckpointAsync("1-0", CancellationToken.None);
            await first.UpsertAsync([TestListing.Make("b")], CancellationToken.None);
            await first.DeleteAsync(["a"], CancellationToken.None);
        }

        using var reopened = new LuceneListingIndex(_directory, Taxonomy);

        Assert.Equal(["b"], (await reopened.SearchAsync(new(), CancellationToken.None)).Hits.Select(h => h.Listing.Id));
        Assert.Equal("1-0", await reopened.GetCheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_searches_and_writes_all_complete()
    {
        await Index.UpsertAsync(Enumerable.Range(0, 200).Select(i => TestListing.Make($"seed{i:D3}")).ToArray(), CancellationToken.None);

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await Index.UpsertAsync([TestListing.Make($"w{w}-{i:D2}", l => l.Bio = "massage")], CancellationToken.None);
            }
        }));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                var page = await Index.SearchAsync(new() { Text = "massage", Limit = 5 }, CancellationToken.None);
                Assert.True(page.Hits.Count <= 5);
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        Assert.Equal(280, await Index.CountAsync(CancellationToken.None));
        Assert.Equal(80, (await Index.SearchAsync(new() { Text = "massage" }, CancellationToken.None)).TotalSize);
    }

    [Fact]
    public async Task After_a_bulk_load_the_idle_index_compacts_into_one_segment_and_keeps_documents_and_checkpoint()
    {
        var compaction = new LuceneCompaction(AfterWrites: 300, WhenIdleFor: TimeSpan.FromMilliseconds(200), CheckEvery: TimeSpan.FromMilliseconds(50));
        using (var index = new LuceneListingIndex(_directory, Taxonomy, compaction: compaction))
        {
            // Each batch is flushed into its own near-real-time segment.
            for (var batch = 0; batch < 8; batch++)
            {
                await index.UpsertAsync(Enumerable.Range(0, 50).Select(i => TestListing.Make($"bulk{batch}-{i:D2}", l => l.Bio = "herbal massage")).ToArray(),
                    CancellationToken.None);
            }
            await index.SetCheckpointAsync("400-0", CancellationToken.None);
            Assert.True(index.SegmentCount > 1, $"{index.SegmentCount} segments before compaction");

            var waited = System.Diagnostics.Stopwatch.StartNew();
            // Seconds on a quiet machine; 20 s was not enough for a CI run at load average 30.
            while (index.SegmentCount > 1 && waited.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(50);

            Assert.Equal(1, index.SegmentCount);
            Assert.Equal(400, (await index.SearchAsync(new() { Text = "massage" }, CancellationToken.None)).TotalSize);
        }

        using var reopened = new LuceneListingIndex(_directory, Taxonomy);
        Assert.Equal(1, reopened.SegmentCount);
        Assert.Equal(400, await reopened.CountAsync(CancellationToken.None));
        Assert.Equal("400-0", await reopened.GetCheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Trickle_writes_below_the_threshold_never_compact()
    {
        var compaction = new LuceneCompaction(AfterWrites: 1_000, WhenIdleFor: TimeSpan.FromMilliseconds(100), CheckEvery: TimeSpan.FromMilliseconds(20));
        using var index = new LuceneListingIndex(_directory, Taxonomy, compaction: compaction);
        for (var i = 0; i < 5; i++) await index.UpsertAsync([TestListing.Make($"t{i}")], CancellationToken.None);

        await Task.Delay(400);

        Assert.True(index.SegmentCount > 1);
    }

    [Fact]
    public async Task Equal_scores_rank_by_id_across_segments_and_scoring_windows()
    {
        // 3,000 equal-scoring listings (more than one 2,048-document scoring window), written in
        // descending id order over several batches, so document order is the reverse of id order.
        var ids = Enumerable.Range(0, 3_000).Select(i => $"id{i:D4}").Reverse().ToArray();
        foreach (var batch in ids.Chunk(700))
        {
            await Index.UpsertAsync(batch.Select(id => TestListing.Make(id, l => l.Bio = "herbal")).ToArray(), CancellationToken.None);
        }
        await Index.UpsertAsync([TestListing.Make("zz-best", l => { l.Bio = "herbal"; l.DisplayName = "Herbal Care"; })], CancellationToken.None);

        var page = await Index.SearchAsync(new() { Text = "herbal", Limit = 4 }, CancellationToken.None);
        var next = await Index.SearchAsync(new() { Text = "herbal", Offset = 4, Limit = 3 }, CancellationToken.None);

        Assert.Equal(3_001, page.TotalSize);
        Assert.Equal(["zz-best", "id0000", "id0001", "id0002"], page.Hits.Select(h => h.Listing.Id));
        Assert.Equal(["id0003", "id0004", "id0005"], next.Hits.Select(h => h.Listing.Id));

        // Id order (no text) across the same segments.
        var byId = await Index.SearchAsync(new() { Limit = 3 }, CancellationToken.None);
        var byIdNext = await Index.SearchAsync(new() { Offset = 2_999, Limit = 5 }, CancellationToken.None);
        Assert.Equal(["id0000", "id0001", "id0002"], byId.Hits.Select(h => h.Listing.Id));
        Assert.Equal(["id2999", "zz-best"], byIdNext.Hits.Select(h => h.Listing.Id));
    }

    [Fact]
    public async Task A_new_instance_waits_for_the_previous_one_to_release_the_index()
    {
        var previous = new LuceneListingIndex(_directory, Taxonomy);
        await previous.UpsertAsync([TestListing.Make("a")], CancellationToken.None);

        var opening = Task.Run(() => new LuceneListingIndex(_directory, Taxonomy));
        await Task.Delay(1_500); // the previous instance is still shutting down
        Assert.False(opening.IsCompleted);
        previous.Dispose();

        using var next = await opening.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await next.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_listing_too_large_for_doc_values_is_kept_whole_as_a_stored_field()
    {
        var large = TestListing.Make("large", l => l.Bio = "herbal " + new string('x', 40_000));
        await Index.UpsertAsync([large, TestListing.Make("small", l => l.Bio = "herbal")], CancellationToken.None);

        var page = await Index.SearchAsync(new() { Text = "herbal" }, CancellationToken.None);

        Assert.Equal(large, Assert.Single(page.Hits, h => h.Listing.Id == "large").Listing);
        Assert.Equal("herbal", Assert.Single(page.Hits, h => h.Listing.Id == "small").Listing.Bio);
    }

    [Fact]
    public void Disposing_twice_is_harmless()
    {
        var index = new LuceneListingIndex(_directory, Taxonomy);
        index.Dispose();
        index.Dispose();
    }
}

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
}

using HealingNetwork.Matching.Domain;
using System.Diagnostics;
using HealingNetwork.Benchmarks.Reporting;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;

namespace HealingNetwork.Benchmarks.Search;

/// <summary>
/// `search` mode: index the synthetic listings into a temp Lucene index (timed), then run each
/// query through raw Lucene and through <see cref="LuceneListingIndex.SearchAsync"/> in
/// alternating blocks on one thread, so both see the same machine load. Raw Lucene = the
/// hand-built query, top 20, reading the listing bytes of the page from where the index keeps them
/// (binary doc values; no protobuf parse);
/// the product additionally parses the 20 listings and applies its own ordering rules.
/// </summary>
public static class SearchBenchmark
{
    private const int Rounds = 10;
    private const int BlockSize = 100;

    public static async Task RunAsync(BenchOptions options)
    {
        var report = new ResultsReport($"Search in-process ({options.Listings:N0} listings)");
        var path = Path.Combine(Path.GetTempPath(), "healing-bench-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            var listings = BenchListings.Generate(options.Listings);
            using var index = new LuceneListingIndex(path, ModalityTaxonomy.Default);
            var (wall, cpu) = await Timed(async () =>
            {
                foreach (var batch in listings.Chunk(1_000)) await index.UpsertAsync(batch, CancellationToken.None);
                await index.SetCheckpointAsync("bench", CancellationToken.None);
            });
            report.Line($"Indexed {listings.Length:N0} listings in {wall.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU (batches of 1,000, one commit).");
            // The product's steady state after a bulk load: it compacts itself once idle. Raw Lucene reads the same commit.
            var segments = index.SegmentCount;
            var compacting = Stopwatch.StartNew();
            while (index.SegmentCount > 1 && compacting.Elapsed < TimeSpan.FromMinutes(1)) await Task.Delay(100);
            report.Line($"Idle compaction: {segments} segments into {index.SegmentCount}, done {compacting.Elapsed.TotalSeconds:F1} s after the load " +
                "(3 s idle wait included).");
            report.Line("");

            using var rawDirectory = new NIOFSDirectory(path);
            using var reader = DirectoryReader.Open(rawDirectory);
            var searcher = new IndexSearcher(reader);
            var rows = new List<IReadOnlyList<string>>();
            foreach (var @case in RawLuceneCases.All(BenchListings.Now).Where(c => options.Only is null || c.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)))
            {
                var query = @case.Query with { Limit = @case.PageSize };
                var raw = new Samples();
                var product = new Samples();
                int rawTotal = 0, productTotal = 0;
                for (var i = 0; i < 50; i++)
                {
                    rawTotal = RawSearch(searcher, @case);
                    productTotal = (await index.SearchAsync(query, CancellationToken.None)).TotalSize;
                }
                for (var round = 0; round < Rounds; round++)
                {
                    raw.Block(BlockSize, () => RawSearch(searcher, @case));
                    await product.BlockAsync(BlockSize, () => index.SearchAsync(query, CancellationToken.None));
                }
                var r = raw.Summary();
                var p = product.Summary();
                rows.Add([@case.Name, $"{productTotal:N0} ({rawTotal:N0})",
                    LatencySummary.Ms(r.P50Ms), LatencySummary.Ms(r.P95Ms), LatencySummary.Ms(r.P99Ms), LatencySummary.Ms(r.CpuMsPerOp),
                    LatencySummary.Ms(p.P50Ms), LatencySummary.Ms(p.P95Ms), LatencySummary.Ms(p.P99Ms), LatencySummary.Ms(p.CpuMsPerOp),
                    LatencySummary.Ratio(p.P50Ms, r.P50Ms), LatencySummary.Ratio(p.P99Ms, r.P99Ms), LatencySummary.Ratio(p.CpuMsPerOp, r.CpuMsPerOp),
                    Kb(raw.KbPerOp), Kb(product.KbPerOp)]);
            }
            if (options.Only is null || "FindMatches candidate searches".Contains(options.Only, StringComparison.OrdinalIgnoreCase))
                rows.Add(await CandidateSearchesAsync(index));
            if (options.Only is null || "slot lookups".Contains(options.Only, StringComparison.OrdinalIgnoreCase))
                report.Line(await SlotLookups.MeasureAsync(index));
            report.Table(
                ["query", "hits product (raw)", "raw p50", "raw p95", "raw p99", "raw CPU/op", "index p50", "index p95", "index p99", "index CPU/op",
                 "p50 ratio", "p99 ratio", "CPU ratio", "raw KB/op", "index KB/op"], rows);
            report.Line("Times in ms. Ratio = LuceneListingIndex.SearchAsync ÷ raw Lucene (target ≤ 1.5×); targets p50 ≤ 1 ms, p99 ≤ 5 ms. KB/op: managed allocation per call (the whole process, measured over the same blocks).");
            report.Line("Raw near = bounding box only (no exact distance); product near = box + exact haversine, so hit counts differ.");
            report.Save(options.ResultsDirectory, "search.md");
        }
        finally
        {
            if (options.Rest.Contains("--keep-index")) Console.WriteLine($"Index kept at {path}");
            else if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>
    /// The searches FindMatches sends for 200 bench profiles (CandidateQuery, through the request
    /// rules), one op = one profile's searches. The "raw" columns here are the same searches with
    /// the exact total (skip_exact_total off): what the shortcut saves.
    /// </summary>
    private static async Task<IReadOnlyList<string>> CandidateSearchesAsync(LuceneListingIndex index)
    {
        var searches = Enumerable.Range(0, 200)
            .Select(i => CandidateQuery.For(BenchProfiles.Create(i), null)
                .Select(r => SearchRequestRules.Build(r, ModalityTaxonomy.Default, BenchListings.Now, TimeSpan.FromDays(90))).ToArray())
            .ToArray();
        var next = 0;
        async Task<int> OneProfile(bool exact)
        {
            var hits = 0;
            foreach (var query in searches[next++ % searches.Length])
                hits += (await index.SearchAsync(exact ? query with { SkipExactTotal = false } : query, CancellationToken.None)).Hits.Count;
            return hits;
        }
        var exact = new Samples();
        var pageOnly = new Samples();
        for (var i = 0; i < searches.Length; i++) await OneProfile(exact: true);
        for (var round = 0; round < Rounds; round++)
        {
            await exact.BlockAsync(BlockSize, () => OneProfile(exact: true));
            await pageOnly.BlockAsync(BlockSize, () => OneProfile(exact: false));
        }
        var r = exact.Summary();
        var p = pageOnly.Summary();
        return ["FindMatches candidate searches, 200 bench profiles (raw = same with exact total)", "–",
            LatencySummary.Ms(r.P50Ms), LatencySummary.Ms(r.P95Ms), LatencySummary.Ms(r.P99Ms), LatencySummary.Ms(r.CpuMsPerOp),
            LatencySummary.Ms(p.P50Ms), LatencySummary.Ms(p.P95Ms), LatencySummary.Ms(p.P99Ms), LatencySummary.Ms(p.CpuMsPerOp),
            LatencySummary.Ratio(p.P50Ms, r.P50Ms), LatencySummary.Ratio(p.P99Ms, r.P99Ms), LatencySummary.Ratio(p.CpuMsPerOp, r.CpuMsPerOp),
            Kb(exact.KbPerOp), Kb(pageOnly.KbPerOp)];
    }

    private static string Kb(double value) => double.IsNaN(value) ? "–" : value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    private static int RawSearch(IndexSearcher searcher, SearchCase @case)
    {
        var top = @case.RawSort is { } sort
            ? searcher.Search(@case.RawQuery, null, @case.PageSize, sort)
            : searcher.Search(@case.RawQuery, @case.PageSize);
        var leaves = searcher.IndexReader.Leaves;
        var bytes = new Lucene.Net.Util.BytesRef();
        foreach (var hit in top.ScoreDocs)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            leaf.AtomicReader.GetBinaryDocValues(F.ListingValues).Get(hit.Doc - leaf.DocBase, bytes);
        }
        return top.TotalHits;
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> Timed(Func<Task> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        return (clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }
}

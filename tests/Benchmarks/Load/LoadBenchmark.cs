using System.Diagnostics;
using Grpc.Net.Client;
using HealingNetwork.Benchmarks.Reporting;
using HealingNetwork.Testing;
using HealingNetwork.Testing.System;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>
/// `load` mode: starts the whole system with the Aspire testing builder (free ports, temp data),
/// imports the listings through ImportListings, creates the profiles, then runs every workload
/// with N callers through the YARP gateway, directly on the service port and through nginx
/// grpc_pass, and reports throughput, latency percentiles, ratios and each process's RSS.
/// </summary>
public static class LoadBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        var report = new ResultsReport($"Load through the gateway ({options.Listings:N0} listings, {options.Profiles:N0} profiles, {options.Callers} callers, {options.SecondsPerWorkload:F0} s per workload)");
        var startClock = Stopwatch.StartNew();
        // The gateway's per-client rate limit (100/s) would turn a load test into a limiter test.
        await using var system = await RunningSystem.StartAsync(extraArgs: ["--Directory:SeedListings=0"], settings: new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerSecond"] = "1000000",
            ["RateLimiting:Burst"] = "1000000",
        });
        report.Line($"System started (Aspire testing builder, all resources healthy) in {startClock.Elapsed.TotalSeconds:F1} s.");
        var ports = new Dictionary<string, int>
        {
            ["gateway"] = system.GatewayGrpcPort, ["directory"] = system.ServicePort("directory"),
            ["profiles"] = system.ServicePort("profiles"), ["matching"] = system.ServicePort("matching"), ["store"] = system.ServicePort("Store"),
        };
        using var gateway = BenchChannels.To(system.GatewayGrpcPort);
        var channels = new Dictionary<string, GrpcChannel>
        {
            ["directory"] = BenchChannels.To(ports["directory"]),
            ["profiles"] = BenchChannels.To(ports["profiles"]),
            ["matching"] = BenchChannels.To(ports["matching"]),
        };

        await FirstBurstAsync(report, gateway, channels["directory"], options.Callers);

        var (importTime, imported) = await BenchData.ImportListingsAsync(gateway, options.Listings);
        var indexWait = await BenchData.WaitIndexedAsync(gateway, imported);
        report.Line($"ImportListings (client stream through the gateway): {imported:N0} listings in {importTime.TotalSeconds:F1} s " +
            $"({imported / importTime.TotalSeconds:N0}/s; target ≤ 30 s); searchable {indexWait.TotalSeconds:F1} s after the stream completed.");
        var (schedulesTime, published) = await BenchData.PublishSchedulesAsync(await system.StoreConnectionStringAsync());
        report.Line($"Weekly hours for {published:N0} of the listings (seven in eight, as in the demo data; written to the store) in {schedulesTime.TotalSeconds:F1} s.");
        var data = new BenchData();
        var profilesTime = await data.CreateProfilesAsync(gateway, options.Profiles);
        report.Line($"CreateProfile × {options.Profiles:N0} (32 concurrent, through the gateway): {profilesTime.TotalSeconds:F1} s.");
        await data.CreateBookableListingAsync(gateway);
        report.Line("");

        using var nginx = NginxGateway.IsInstalled
            ? await NginxGateway.StartAsync(TestStore.FreePort(), ports["directory"], ports["profiles"], ports["matching"])
            : null;
        using var nginxChannel = nginx is null ? null : BenchChannels.To(nginx.Port);
        var processes = ServiceMemory.Find(ports).ToList();
        var nginxPids = nginx?.Pids ?? [];
        TimeSpan CpuOf(string name) => name == "nginx"
            ? nginxPids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ServiceMemory.CpuTime(pid))
            : processes.Where(p => p.Name == name).Aggregate(TimeSpan.Zero, (sum, p) => sum + ServiceMemory.CpuTime(p.Pid));
        string[] cpuNames = ["gateway", "nginx", "directory", "profiles", "matching", "store"];
        var cpuRows = new List<IReadOnlyList<string>>();
        var workloads = new Workloads(data, new CallerTokens());
        var duration = TimeSpan.FromSeconds(options.SecondsPerWorkload);
        var rows = new List<IReadOnlyList<string>>();
        double? noOpRate = null;
        var selected = workloads.All.Where((w, i) => i == 0 || options.Only is null || w.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase));
        foreach (var workload in selected)
        {
            // Warm-up on the service port first (JIT tiering, connection pools, the thread pool's size).
            await LoadRunner.RunAsync(options.Callers, TimeSpan.FromSeconds(options.WarmupSeconds), workload.Body(channels[workload.Service]), workload.Expected);
            // The paths take turns in rounds (the order rotating each round), so no path is the
            // one measured while a service is still settling: measured one after the other, the
            // first path alone cost Matching 2.5-4.8 ms CPU per FindMatches against 1.9 for the others.
            var paths = new (string Name, GrpcChannel? Channel)[] { ("YARP", gateway), ("direct", channels[workload.Service]), ("nginx", nginxChannel) }
                .Where(p => p.Channel is not null).Select(p => (p.Name, Body: workload.Body(p.Channel!))).ToArray();
            var runs = paths.ToDictionary(p => p.Name, _ => new List<LoadRunner.Result>());
            var cpuUsed = paths.ToDictionary(p => p.Name, _ => cpuNames.ToDictionary(n => n, _ => TimeSpan.Zero));
            foreach (var (_, body) in paths) await LoadRunner.RunAsync(options.Callers, TimeSpan.FromSeconds(1), body, workload.Expected);
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var (name, body) in paths.Skip(round % paths.Length).Concat(paths.Take(round % paths.Length)))
                {
                    var before = cpuNames.ToDictionary(n => n, CpuOf);
                    runs[name].Add(await LoadRunner.RunAsync(options.Callers, duration / Rounds, body, workload.Expected));
                    foreach (var n in cpuNames) cpuUsed[name][n] += CpuOf(n) - before[n];
                }
            }
            LoadRunner.Result? Measured(string path)
            {
                if (!runs.TryGetValue(path, out var parts)) return null;
                var result = LoadRunner.Result.Merge(parts);
                var perRequest = cpuNames.Select(n => cpuUsed[path][n].TotalMilliseconds / Math.Max(1, result.Latency.Count)).ToArray();
                cpuRows.Add([workload.Name, path, .. perRequest.Select(LatencySummary.Ms), LatencySummary.Ms(perRequest.Sum()), LatencySummary.Ms(result.Latency.CpuMsPerOp)]);
                return result;
            }
            var viaYarp = Measured("YARP")!;
            var direct = Measured("direct")!;
            var viaNginx = Measured("nginx");
            noOpRate ??= viaYarp.Latency.PerSecond;
            rows.Add(
            [
                workload.Name,
                $"{viaYarp.Latency.PerSecond:N0}", LatencySummary.Ms(viaYarp.Latency.P50Ms), LatencySummary.Ms(viaYarp.Latency.P95Ms), LatencySummary.Ms(viaYarp.Latency.P99Ms),
                LatencySummary.Ratio(viaYarp.Latency.PerSecond, noOpRate.Value),
                $"{direct.Latency.PerSecond:N0}", LatencySummary.Ms(direct.Latency.P99Ms), LatencySummary.Ratio(viaYarp.Latency.PerSecond, direct.Latency.PerSecond),
                viaNginx is null ? "–" : $"{viaNginx.Latency.PerSecond:N0}", viaNginx is null ? "–" : LatencySummary.Ms(viaNginx.Latency.P99Ms),
                viaNginx is null ? "–" : LatencySummary.Ratio(viaYarp.Latency.PerSecond, viaNginx.Latency.PerSecond),
                $"{viaYarp.Failures}/{direct.Failures}/{viaNginx?.Failures.ToString() ?? "–"}",
            ]);
            foreach (var failure in new[] { viaYarp, direct, viaNginx }.Where(r => r?.FirstFailure is not null)) report.Line($"  {workload.Name}: first failure: {failure!.FirstFailure}");
        }
        report.Table(
            ["workload", "YARP req/s", "p50", "p95", "p99", "÷ no-op rate", "direct req/s", "direct p99", "YARP ÷ direct", "nginx req/s", "nginx p99", "YARP ÷ nginx", "failures Y/D/N"],
            rows);
        report.Line($"Latencies in ms. Ratios of req/s in the same run; the load generator shares the 2 cores with the system, and receives the answers of read workloads without decoding them (one in {UndecodedCalls.CheckEvery} decoded as a check), as h2load would. " +
            $"Each workload first runs {options.WarmupSeconds:F0} s on the service port and 1 s unmeasured per path; the paths are then measured " +
            $"{options.SecondsPerWorkload:F0} s each, in {Rounds} rounds taking turns.");
        report.Line("Targets: FindMatches uncached ≥ 0.30 of the no-op rate with p99 ≤ 25 ms at 64 callers; YARP ÷ nginx ≥ 1.00.");
        report.Line("");

        report.Table(["workload", "path", .. cpuNames.Select(n => n + " CPU ms/req"), "system total", "load generator"], cpuRows);
        report.Line("CPU from /proc/PID/stat (10 ms ticks) over the measured interval, divided by completed calls: where each request's cost goes.");
        report.Line("");

        var memory = ServiceMemory.Find(ports).ToList();
        report.Table(["process", "pid", "RSS MB (target ≤ 250)", "anonymous MB", "file-backed MB", "shared memory MB", "PSS MB"],
            memory.OrderBy(m => m.Name).Select(m => (IReadOnlyList<string>)[m.Name, m.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{m.Memory.RssKb / 1024.0:F0}", $"{m.Memory.AnonKb / 1024.0:F0}", $"{m.Memory.FileKb / 1024.0:F0}",
                $"{m.Memory.ShmemKb / 1024.0:F0}", $"{m.Memory.PssKb / 1024.0:F0}"]));
        report.Line("RSS = anonymous + file-backed + shared memory. File-backed: mapped code and the Directory's memory-mapped search index, " +
            "page cache the kernel can reclaim and re-read. Shared memory: the runtime's executable memory (JIT-compiled code, stubs), " +
            "kept in a memfd for W^X. PSS splits pages shared with other processes (the runtime's code) among them.");
        report.Save(options.ResultsDirectory, "load.md");
        foreach (var channel in channels.Values) channel.Dispose();
    }

    /// <summary>Rounds in which the paths of a workload take turns (each round a share of the measured time).</summary>
    private const int Rounds = 3;

    /// <summary>The first burst of concurrent calls after start-up, before any warm-up: gateway vs direct.</summary>
    private static async Task FirstBurstAsync(ResultsReport report, GrpcChannel gateway, GrpcChannel direct, int callers)
    {
        async Task<double> Burst(GrpcChannel channel)
        {
            var call = Workloads.NoOp(channel);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(i => call(i, 0)));
            return clock.Elapsed.TotalMilliseconds;
        }
        // Direct first: the service's own first-call costs are then paid before the gateway's burst.
        var viaDirect = await Burst(direct);
        var viaGateway = await Burst(gateway);
        var warmGateway = await Burst(gateway);
        report.Line($"First burst of {callers} concurrent no-op calls after start: direct on the service port {viaDirect:F0} ms (cold service), " +
            $"then through the gateway {viaGateway:F0} ms (warm service, first through the gateway), then {warmGateway:F0} ms through the gateway again.");
    }
}

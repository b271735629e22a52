using System.Diagnostics;
using HealingNetwork.Benchmarks.Load;
using HealingNetwork.Benchmarks.Reporting;
using HealingNetwork.Testing.System;

namespace HealingNetwork.Benchmarks.Import;

/// <summary>
/// `import` mode: starts the whole system (durable store, as a user runs it), streams the listings
/// through ImportListings via the gateway and reports the time, the wait until search sees them all,
/// and the CPU each process spent, so a slow import names the process that limits it.
/// </summary>
public static class ImportBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        var report = new ResultsReport($"ImportListings of {options.Listings:N0} listings through the gateway");
        await using var system = await RunningSystem.StartAsync(extraArgs: ["--Directory:SeedListings=0"]);
        var ports = new Dictionary<string, int>
        {
            ["gateway"] = system.GatewayGrpcPort, ["directory"] = system.ServicePort("directory"), ["store"] = system.ServicePort("Store"),
        };
        var processes = ServiceMemory.Find(ports).ToList();
        using var gateway = BenchChannels.To(system.GatewayGrpcPort);
        var before = processes.ToDictionary(p => p.Name, p => ServiceMemory.CpuTime(p.Pid));
        var self = Process.GetCurrentProcess().TotalProcessorTime;
        var (elapsed, imported) = await BenchData.ImportListingsAsync(gateway, options.Listings);
        var indexWait = await BenchData.WaitIndexedAsync(gateway, imported);
        var selfCpu = Process.GetCurrentProcess().TotalProcessorTime - self;
        report.Line($"{imported:N0} listings in {elapsed.TotalSeconds:F1} s ({imported / elapsed.TotalSeconds:N0}/s; target ≤ 30 s); " +
            $"searchable {indexWait.TotalSeconds:F1} s after the stream completed.");
        report.Table(["process", "CPU s during the import", "RSS MB at the end"],
            processes.Select(p => (IReadOnlyList<string>)[p.Name, $"{(ServiceMemory.CpuTime(p.Pid) - before[p.Name]).TotalSeconds:F1}",
                $"{ServiceMemory.Find(ports).First(q => q.Pid == p.Pid).Memory.RssKb / 1024.0:F0}"])
            .Append(["client (this process, incl. generating nothing: listings are made before the clock starts)", $"{selfCpu.TotalSeconds:F1}", "–"]));
        report.Save(options.ResultsDirectory, "import.md");
    }
}

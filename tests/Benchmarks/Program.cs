using HealingNetwork.Benchmarks;
using HealingNetwork.Benchmarks.Import;
using HealingNetwork.Benchmarks.Load;
using HealingNetwork.Benchmarks.Micro;
using HealingNetwork.Benchmarks.Search;
using HealingNetwork.Benchmarks.Startup;

// dotnet run -c Release --project tests/Benchmarks -- <micro|search|import|load|startup> [--results DIR] [mode options]
var mode = args.FirstOrDefault() ?? "help";
var options = BenchOptions.Parse(args.Skip(1).ToArray());
switch (mode)
{
    case "micro":
        MicroBenchmarks.Run(options);
        break;
    case "search":
        await SearchBenchmark.RunAsync(options);
        break;
    case "import":
        await ImportBenchmark.RunAsync(options);
        break;
    case "load":
        await LoadBenchmark.RunAsync(options);
        break;
    case "startup":
        await StartupBenchmark.RunAsync(options);
        break;
    default:
        Console.WriteLine("""
            usage: Benchmarks <mode> [options]
              micro   BenchmarkDotNet: scoring, search query building, Listing serialization (short job)
              search  100k listings in a temp Lucene index: raw Lucene vs LuceneListingIndex.SearchAsync
              import  the Aspire-started system: ImportListings through the gateway, CPU per process
              load    the Aspire-started system through YARP, directly, and through nginx grpc_pass
              startup `dotnet run --project apphost` (Release, built) until every resource is healthy, cold and warm
            options: --results DIR (default BenchmarkResults) --listings N --profiles N
                     --seconds S (per load workload) --callers N --only TEXT (load: workloads named so, plus the no-op; search: queries; micro: classes)
            """);
        break;
}

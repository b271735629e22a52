using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing.System;
using Xunit.Abstractions;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>
/// The bad-input corpus, sent through the gateway over gRPC and REST to the whole running system.
/// Well-formed requests get a deliberate status (never INTERNAL or UNKNOWN); bytes that do not
/// parse are refused by grpc-dotnet before any handler; messages over 1 MiB get RESOURCE_EXHAUSTED;
/// REST never gets a 5xx. Nothing a rejected request touched has changed, and every service still answers.
/// </summary>
[Collection(SharedSystemCollection.Name)]
public sealed class BadInputCorpusTests(RunningSystemFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Search", "Export", "Find", "Suggest"];
    private static readonly string[] DirectoryWrites = ["CreateListing", "UpdateListing", "DeleteListing", "ConfirmListing"];

    [Fact]
    public async Task Every_bad_request_gets_a_deliberate_status_and_changes_nothing()
    {
        var system = fixture.System;
        using var channel = system.GatewayChannel();
        var seeded = await Seeded.CreateAsync(channel, "corpus");
        var store = await system.StoreConnectionStringAsync();
        var before = await SystemSnapshot.TakeAsync(channel, store, seeded);
        var (listingsBefore, profilesBefore) = await StoreCounts.TakeAsync(store);

        var grpcCases = IdCases.All(seeded).Concat(ListingCases.All(seeded)).Concat(SearchCases.All(seeded))
            .Concat(AvailabilityCases.All(seeded)).Concat(ProfileCases.All(seeded)).Concat(AuthCases.All(seeded))
            .Concat(ByteCases.All(seeded)).ToArray();
        var restCases = RestCases.All(seeded).ToArray();
        var tally = new StatusTally();
        var failures = new ConcurrentBag<string>();
        var accepted = new ConcurrentDictionary<string, int>();
        var acceptedWrites = new ConcurrentBag<string>();

        var gateway = new GatewayGrpc(channel);
        await Parallel.ForEachAsync(grpcCases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            var outcome = await gateway.UnaryAsync(c.Service, c.Method, c.Body, c.Authorization);
            Judge(c, outcome, tally, failures);
            if (outcome.Code != StatusCode.OK) return;
            accepted.AddOrUpdate(c.Method, 1, (_, n) => n + 1);
            if (!ReadPrefixes.Any(p => c.Method.StartsWith(p, StringComparison.Ordinal))) acceptedWrites.Add(c.ToString());
        });
        var frames = await FrameCases.RunAsync(system.GatewayGrpcPort, seeded, tally, failures);
        using var http = system.GatewayHttp();
        await Parallel.ForEachAsync(restCases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            var status = await SendAsync(http, c);
            tally.Add("REST", $"{(int)status}");
            if ((int)status >= 500) failures.Add($"REST {c} -> {(int)status}");
            if (status == HttpStatusCode.OK && c.Method == HttpMethod.Post && c.Path is "/v1/listings" or "/v1/profiles")
                accepted.AddOrUpdate("REST " + c.Path, 1, (_, n) => n + 1);
        });

        tally.WriteTo(output, "Bad-input corpus through the gateway");
        output.WriteLine($"  accepted (odd but valid) requests: {string.Join(", ", accepted.Select(kv => $"{kv.Key} {kv.Value}"))}");
        foreach (var write in acceptedWrites.Order(StringComparer.Ordinal)) output.WriteLine($"    accepted write: {write}");
        Assert.True(grpcCases.Length + frames + restCases.Length >= 500, $"only {grpcCases.Length + frames + restCases.Length} cases");
        Assert.True(failures.IsEmpty, $"{failures.Count} cases got the wrong status:\n" + string.Join("\n", failures.Order().Take(60)));

        // Nothing a rejected request aimed at changed; the only new data is what was accepted.
        await SystemSnapshot.AssertAllServicesAnswerAsync(channel, seeded);
        var after = await SystemSnapshot.TakeAsync(channel, store, seeded);
        var directoryWrites = DirectoryWrites.Sum(m => accepted.GetValueOrDefault(m)) + accepted.GetValueOrDefault("REST /v1/listings");
        Assert.Equal(before with { DirectorySequence = before.DirectorySequence + directoryWrites, SearchTotal = after.SearchTotal }, after);
        var (listingsAfter, profilesAfter) = await StoreCounts.TakeAsync(store);
        Assert.Equal(listingsBefore + accepted.GetValueOrDefault("CreateListing") + accepted.GetValueOrDefault("REST /v1/listings"), listingsAfter);
        Assert.Equal(profilesBefore + accepted.GetValueOrDefault("CreateProfile") + accepted.GetValueOrDefault("REST /v1/profiles"), profilesAfter);
    }

    private static void Judge(GrpcCase c, CallOutcome outcome, StatusTally tally, ConcurrentBag<string> failures)
    {
        switch (c.Kind)
        {
            case CaseKind.Oversize:
                tally.Add("gRPC over 1 MiB", outcome.Code.ToString());
                if (outcome.Code != StatusCode.ResourceExhausted) failures.Add($"{c} -> {outcome.Code} {outcome.Message}");
                break;
            case CaseKind.Unparseable:
                tally.Add("gRPC unparseable bytes", outcome.IsUnparseableRefusal ? "UNKNOWN (refused before handler)" : outcome.Code.ToString());
                if (outcome.Code == StatusCode.OK) failures.Add($"{c} -> OK for bytes that do not parse");
                break;
            default:
                tally.Add("gRPC well-formed", outcome.Code.ToString());
                if (outcome.Code is StatusCode.Internal or StatusCode.Unknown) failures.Add($"{c} -> {outcome.Code} {outcome.Message}");
                else if (outcome.Code == StatusCode.InvalidArgument && !outcome.HasFieldViolations) failures.Add($"{c} -> INVALID_ARGUMENT without field violations: {outcome.Message}");
                break;
        }
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, RestCase c)
    {
        using var request = new HttpRequestMessage(c.Method, c.Path);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        }
        if (c.Authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", c.Authorization);
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server closed the connection without an answer (e.g. mid-way through a rejected oversize body).
            return 0;
        }
    }
}

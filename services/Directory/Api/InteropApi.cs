using Grpc.Core;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Interop.Fhir;
using HealingNetwork.Directory.Domain.Interop.Hsds;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// gRPC surface of the standard formats: HSDS 3.0 export/import and FHIR R4 export. Mapping lives
/// in Domain/Interop; imports go through the same write path (and rules) as ImportListings.
/// </summary>
[Authorize]
public sealed class InteropApi(
    ListingWriter writer, IListingSearchIndex index, IAvailabilityStore availability, OpenSlotReader slots,
    ModalityTaxonomy taxonomy, IOptions<DirectoryOptions> options) : InteropService.InteropServiceBase
{
    private const int ImportBatchSize = 500;
    private const int MaxReportedErrors = 1000;
    private const int FhirSlotDays = 14;

    private Instant Now => Instant.FromDateTimeOffset(writer.Now);

    [AllowAnonymous]
    public override async Task<ExportHsdsResponse> ExportHsds(ExportHsdsRequest request, ServerCallContext context)
    {
        var (search, query) = HsdsExportSearch.Build(request, taxonomy, writer.Now, options.Value.StaleAfter);
        var page = await index.SearchAsync(query, context.CancellationToken);
        var listings = page.Hits.Select(h => writer.ForClient(h.Listing)).ToArray();
        var schedules = await availability.GetSchedulesAsync(listings.Select(l => l.Id).ToArray(), context.CancellationToken);
        var services = listings.Select((l, i) => HsdsMapper.ToHsds(l, schedules[i], taxonomy, Now));
        var response = new ExportHsdsResponse { Json = HsdsJson.Write(services) };
        if (page.Next is { } next) response.NextPageToken = PageToken.Encode(next, SearchRequestRules.WithoutToken(search));
        return response;
    }

    /// <summary>
    /// Reads records as they come, stores them in batches of <see cref="ImportBatchSize"/> records,
    /// answers each stored batch with its progress and ends with the summary.
    /// </summary>
    public override async Task ImportHsds(
        IAsyncStreamReader<ImportHsdsChunk> requestStream, IServerStreamWriter<ImportHsdsResponse> responseStream, ServerCallContext context)
    {
        var owner = context.RequireCaller();
        var ct = context.CancellationToken;
        var totals = new ImportProgress();
        var reported = new List<ImportError>();
        var batch = new List<(int, Listing)>(ImportBatchSize);
        var unreadable = new List<ImportError>();
        var inBatch = 0;
        await foreach (var chunk in requestStream.ReadAllAsync(ct))
        {
            var position = totals.Received++;
            if (HsdsImport.TryRead(chunk.JsonRecord, taxonomy, out var listing, out var reason)) batch.Add((position, listing));
            else unreadable.Add(new ImportError { Index = position, Reason = reason });
            if (++inBatch == ImportBatchSize) await StoreBatchAsync();
        }
        await StoreBatchAsync();
        var summary = new ImportSummary { Received = totals.Received, Imported = totals.Imported, Rejected = totals.Rejected };
        summary.Errors.AddRange(reported);
        await responseStream.WriteAsync(new ImportHsdsResponse { Summary = summary }, ct);

        async Task StoreBatchAsync()
        {
            if (inBatch == 0) return;
            var (stored, refused) = await writer.CreateManyAsync(batch, owner, ct);
            var errors = unreadable.Concat(refused).OrderBy(e => e.Index).ToArray();
            totals.Imported += stored.Count;
            totals.Rejected += errors.Length;
            reported.AddRange(errors.Take(MaxReportedErrors - reported.Count));
            var progress = new ImportProgress { Received = totals.Received, Imported = totals.Imported, Rejected = totals.Rejected };
            progress.Errors.AddRange(errors);
            await responseStream.WriteAsync(new ImportHsdsResponse { Progress = progress }, ct);
            inBatch = 0;
            batch.Clear();
            unreadable.Clear();
        }
    }

    [AllowAnonymous]
    public override async Task<ExportFhirResponse> ExportFhir(ExportFhirRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.ListingId)) throw new ValidationException("listing_id", "is required");
        if (request.ListingId.Length > 64) throw new ValidationException("listing_id", "is not a listing id");
        var scheduleRead = availability.GetScheduleAsync(request.ListingId, context.CancellationToken);
        var listing = writer.ForClient(await writer.GetAsync(request.ListingId, context.CancellationToken));
        var schedule = await scheduleRead;
        var (from, to) = (Now, Now + Duration.FromDays(FhirSlotDays));
        IReadOnlyList<OpenSlot> open = schedule is null ? []
            : await slots.OpenAsync(listing, schedule, from, to, int.MaxValue, context.CancellationToken);
        var bundle = FhirMapper.ToBundle(listing, schedule, open, taxonomy, from, to);
        return new ExportFhirResponse { BundleJson = FhirJson.Write(bundle) };
    }
}

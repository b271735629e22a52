using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.Domain.Components;

namespace HealingNetwork.Matching.Api;

/// <summary>Fetches candidates, and on demand their earliest open slots, from the Directory service.</summary>
public sealed class CandidateSource(DirectoryService.DirectoryServiceClient directory, AvailabilityService.AvailabilityServiceClient availability)
{
    /// <summary>
    /// Runs the searches (concurrently) and merges their hits by listing id. Slots are not asked
    /// for here: ranking needs them only for the candidates that could reach the page
    /// (<see cref="EarliestSlotsAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<SearchResult>> SearchAsync(IReadOnlyList<SearchListingsRequest> requests, CallOptions options)
    {
        var responses = await Task.WhenAll(requests.Select(r => directory.SearchListingsAsync(r, options).ResponseAsync));
        return responses.SelectMany(r => r.Results).DistinctBy(r => r.Listing.Id).ToArray();
    }

    /// <summary>GetEarliestSlots takes up to 500 listing ids (availability.proto).</summary>
    private const int MaxIdsPerCall = 500;

    /// <summary>
    /// The earliest opening of each hit within <see cref="AvailabilityFit.HorizonDays"/>, in order: its
    /// first open slot, none open (hours published, all taken), or unknown (no published hours); in one
    /// call per 500 hits.
    /// </summary>
    public async Task<IReadOnlyList<EarliestOpening>> EarliestSlotsAsync(IReadOnlyList<SearchResult> hits, CallOptions options)
    {
        var replies = await Task.WhenAll(hits.Chunk(MaxIdsPerCall).Select(chunk =>
        {
            var request = new GetEarliestSlotsRequest { HorizonDays = AvailabilityFit.HorizonDays };
            request.ListingIds.AddRange(chunk.Select(h => h.Listing.Id));
            return availability.GetEarliestSlotsAsync(request, options).ResponseAsync;
        }));
        var earliest = new Dictionary<string, EarliestOpening>(StringComparer.Ordinal);
        foreach (var reply in replies)
        {
            foreach (var (id, slot) in reply.Earliest) earliest[id] = EarliestOpening.At(slot.StartTime.ToDateTimeOffset());
            foreach (var id in reply.NoOpenSlotListingIds) earliest[id] = EarliestOpening.NoneInHorizon;
        }
        return hits.Select(h => earliest.GetValueOrDefault(h.Listing.Id, EarliestOpening.Unknown)).ToArray();
    }
}

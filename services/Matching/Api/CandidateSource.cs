using Grpc.Core;
using HealingNetwork.Directory.V1;

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

    /// <summary>The earliest open slot of each hit, in order (null: no published hours or none open), in one call per 500 hits.</summary>
    public async Task<IReadOnlyList<DateTimeOffset?>> EarliestSlotsAsync(IReadOnlyList<SearchResult> hits, CallOptions options)
    {
        var replies = await Task.WhenAll(hits.Chunk(MaxIdsPerCall).Select(chunk =>
        {
            var request = new GetEarliestSlotsRequest();
            request.ListingIds.AddRange(chunk.Select(h => h.Listing.Id));
            return availability.GetEarliestSlotsAsync(request, options).ResponseAsync;
        }));
        var earliest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (id, slot) in replies.SelectMany(r => r.Earliest)) earliest[id] = slot.StartTime.ToDateTimeOffset();
        return hits.Select(h => earliest.TryGetValue(h.Listing.Id, out var start) ? start : (DateTimeOffset?)null).ToArray();
    }
}

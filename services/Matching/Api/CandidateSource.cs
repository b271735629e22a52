using Grpc.Core;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Matching.Api;

/// <summary>Fetches candidates and their earliest open slots from the Directory service.</summary>
public sealed class CandidateSource(DirectoryService.DirectoryServiceClient directory, AvailabilityService.AvailabilityServiceClient availability)
{
    /// <summary>Runs the searches (concurrently) and merges their hits by listing id.</summary>
    public async Task<IReadOnlyList<SearchResult>> SearchAsync(IReadOnlyList<SearchListingsRequest> requests, CallOptions options)
    {
        var responses = await Task.WhenAll(requests.Select(r => directory.SearchListingsAsync(r, options).ResponseAsync));
        return responses.SelectMany(r => r.Results).DistinctBy(r => r.Listing.Id).ToArray();
    }

    /// <summary>Earliest open slot per listing, in one call; empty when availability is not published.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> EarliestSlotsAsync(IEnumerable<string> listingIds, CallOptions options)
    {
        var request = new GetEarliestSlotsRequest();
        request.ListingIds.AddRange(listingIds);
        if (request.ListingIds.Count == 0) return new Dictionary<string, DateTimeOffset>();
        try
        {
            var response = await availability.GetEarliestSlotsAsync(request, options);
            return response.Earliest.ToDictionary(e => e.Key, e => e.Value.StartTime.ToDateTimeOffset());
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            return new Dictionary<string, DateTimeOffset>();
        }
    }
}

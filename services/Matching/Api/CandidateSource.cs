using Grpc.Core;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Matching.Api;

/// <summary>Fetches candidates, each with its earliest open slot, from the Directory service.</summary>
public sealed class CandidateSource(DirectoryService.DirectoryServiceClient directory)
{
    /// <summary>
    /// Runs the searches (concurrently) and merges their hits by listing id. Each search asks for
    /// the hits' earliest open slots too (<c>include_earliest_slot</c>): one call per search instead
    /// of a search and then a GetEarliestSlots call.
    /// </summary>
    public async Task<IReadOnlyList<SearchResult>> SearchAsync(IReadOnlyList<SearchListingsRequest> requests, CallOptions options)
    {
        var responses = await Task.WhenAll(requests.Select(r => directory.SearchListingsAsync(WithEarliestSlot(r), options).ResponseAsync));
        return responses.SelectMany(r => r.Results).DistinctBy(r => r.Listing.Id).ToArray();
    }

    private static SearchListingsRequest WithEarliestSlot(SearchListingsRequest request)
    {
        if (request.IncludeEarliestSlot) return request;
        var copy = request.Clone();
        copy.IncludeEarliestSlot = true;
        return copy;
    }
}

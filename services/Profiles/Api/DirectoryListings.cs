using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Domain;

namespace HealingNetwork.Profiles.Api;

/// <summary>
/// Listings read from Directory's GetListing (public, so no token is forwarded). NOT_FOUND, or an id
/// Directory refuses, means there is no such listing; any other failure (UNAVAILABLE when Directory
/// is down, DEADLINE_EXCEEDED) reaches the caller as it is.
/// </summary>
public sealed class DirectoryListings(DirectoryService.DirectoryServiceClient directory) : IListingDirectory
{
    public async Task<Listing?> FindAsync(string listingId, CancellationToken cancellationToken)
    {
        try
        {
            return await directory.GetListingAsync(new GetListingRequest { Id = listingId },
                deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }
}

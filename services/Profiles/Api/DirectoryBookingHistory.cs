using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Domain;

namespace HealingNetwork.Profiles.Api;

/// <summary>Asks Directory's AvailabilityService for the caller's bookings and holds, with the caller's own token.</summary>
public sealed class DirectoryBookingHistory(AvailabilityService.AvailabilityServiceClient availability) : IBookingHistory
{
    public async Task<ListMyBookingsResponse> CallerBookingsAsync(string authorization, CancellationToken cancellationToken) =>
        await availability.ListMyBookingsAsync(new ListMyBookingsRequest(),
            new Metadata { { "authorization", authorization } }, DateTime.UtcNow.AddSeconds(5), cancellationToken);
}

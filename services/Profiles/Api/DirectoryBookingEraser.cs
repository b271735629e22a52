using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Domain;

namespace HealingNetwork.Profiles.Api;

/// <summary>Asks Directory's AvailabilityService to forget the caller, with the caller's own token.</summary>
public sealed class DirectoryBookingEraser(AvailabilityService.AvailabilityServiceClient availability) : IBookingEraser
{
    public async Task EraseCallerBookingsAsync(string authorization, CancellationToken cancellationToken) =>
        await availability.ForgetMeAsync(new ForgetMeRequest(),
            new Metadata { { "authorization", authorization } }, DateTime.UtcNow.AddSeconds(5), cancellationToken);
}

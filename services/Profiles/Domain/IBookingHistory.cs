using HealingNetwork.Directory.V1;

namespace HealingNetwork.Profiles.Domain;

/// <summary>
/// What the Directory service keeps about a person as a client: their bookings and live holds.
/// Part of everything stored about them, so ExportProfile includes it.
/// </summary>
public interface IBookingHistory
{
    /// <summary>Bookings and live holds of the caller whose bearer token is <paramref name="authorization"/>.</summary>
    Task<ListMyBookingsResponse> CallerBookingsAsync(string authorization, CancellationToken cancellationToken);
}

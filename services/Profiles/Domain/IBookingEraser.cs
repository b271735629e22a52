namespace HealingNetwork.Profiles.Domain;

/// <summary>
/// Erases a person's personal fields from their bookings, which the Directory service keeps.
/// Idempotent, so a DeleteProfile that failed half-way can simply be retried.
/// </summary>
public interface IBookingEraser
{
    /// <summary>Erases the bookings of the caller whose bearer token is <paramref name="authorization"/>.</summary>
    Task EraseCallerBookingsAsync(string authorization, CancellationToken cancellationToken);
}

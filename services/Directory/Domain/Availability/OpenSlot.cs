using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// One bookable session: its UTC instants, its start as the practitioner's wall clock with offset,
/// and where it takes place (location index or -1 for telehealth).
/// </summary>
public readonly record struct OpenSlot(Instant Start, Instant End, string LocalStart, int LocationIndex)
{
    /// <summary>The slot's identity in the store: one practitioner, so one slot per start instant.</summary>
    public long StartUnixSeconds => Start.ToUnixTimeSeconds();
}

using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// One bookable session: its UTC instants, the practitioner's UTC offset at its start, and where it
/// takes place (location index or -1 for telehealth).
/// </summary>
public readonly record struct OpenSlot(Instant Start, Instant End, Offset LocalOffset, int LocationIndex)
{
    /// <summary>The slot's identity in the store: one practitioner, so one slot per start instant.</summary>
    public long StartUnixSeconds => Start.ToUnixTimeSeconds();

    /// <summary>
    /// The start as the practitioner's wall clock with offset, e.g. "2026-03-08T09:00:00-04:00".
    /// Written on demand: most slots a search looks at are taken or later than the first open one.
    /// </summary>
    public string LocalStart => LocalClock.FormatLocal(Start.WithOffset(LocalOffset));
}

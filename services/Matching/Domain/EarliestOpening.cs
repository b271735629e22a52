namespace HealingNetwork.Matching.Domain;

/// <summary>
/// What the directory knows of a listing's first open session within the horizon Matching asks
/// about (<see cref="Components.AvailabilityFit.HorizonDays"/>): its start; or that the listing
/// publishes hours but has nothing open in that time (<see cref="NoneOpen"/>); or, the default,
/// nothing (no published hours). The last two must stay apart: one is known to be the worst
/// availability, the other is unknown.
/// </summary>
public readonly record struct EarliestOpening(DateTimeOffset? Start, bool NoneOpen)
{
    /// <summary>The listing publishes no hours: its availability is unknown.</summary>
    public static EarliestOpening Unknown => default;

    /// <summary>The listing publishes hours and every slot in the horizon is taken (or closed).</summary>
    public static EarliestOpening NoneInHorizon => new(null, true);

    public static EarliestOpening At(DateTimeOffset start) => new(start, false);
}

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// How soon a first session is open: 1 within 3 days, falling linearly to 0.1 at 28 days or later;
/// 0.3 when the practitioner has published no hours (unknown, not penalised to zero).
/// </summary>
public sealed class AvailabilityFit : IScoreComponent
{
    public const double UnknownValue = 0.3;

    /// <summary>The least this component is worth, with or without a slot.</summary>
    public const double LowestValue = 0.1;

    public string Name => "availability";

    public double Value(MatchContext c) => c.EarliestSlot is { } slot ? ValueIn(DaysUntil(slot, c.Now)) : UnknownValue;

    public ComponentScore Evaluate(MatchContext c)
    {
        if (c.EarliestSlot is not { } slot) return ComponentScore.Of(UnknownValue, "no published hours");
        var days = DaysUntil(slot, c.Now);
        var when = days < 1 ? "within a day" : $"in {Math.Ceiling(days):0} days";
        return ComponentScore.Of(ValueIn(days), $"first open slot {when}", $"First open session {when}");
    }

    private static double DaysUntil(DateTimeOffset slot, DateTimeOffset now) => Math.Max(0, (slot - now).TotalDays);

    private static double ValueIn(double days) => days <= 3 ? 1 : Math.Max(LowestValue, 1 - 0.9 * (days - 3) / 25);
}

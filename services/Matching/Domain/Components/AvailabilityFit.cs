using NodaTime;

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// How soon a first session is open: 1 within 3 days, falling linearly to 0.1 at 28 days
/// (<see cref="HorizonDays"/>, as far as Matching asks the directory to look); 0 when the
/// practitioner publishes hours but nothing is open within them (known to be worse than any
/// opening); 0.3 when they publish no hours (unknown, not penalised to zero).
/// </summary>
public sealed class AvailabilityFit : IScoreComponent
{
    /// <summary>
    /// How many days ahead Matching asks for open slots; the value bottoms out there. The same as
    /// GetEarliestSlots' default horizon, which the directory's cache invalidation assumes (a booking
    /// bumps the availability generation only when it changes an earliest slot within that horizon).
    /// </summary>
    public const int HorizonDays = 28;

    public const double UnknownValue = 0.3;

    /// <summary>Hours published but nothing open within <see cref="HorizonDays"/>.</summary>
    public const double NoneOpenValue = 0;

    /// <summary>The value of the latest opening within the horizon.</summary>
    private const double LatestOpeningValue = 0.1;

    /// <summary>The least this component is worth, whatever is known of the slots.</summary>
    public const double LowestValue = NoneOpenValue;

    public string Name => "availability";

    public double Value(MatchContext c) =>
        c.EarliestSlot is { } slot ? ValueIn(DaysUntil(slot, c.Now)) : c.NoOpenSlot ? NoneOpenValue : UnknownValue;

    public ComponentScore Evaluate(MatchContext c)
    {
        if (c.EarliestSlot is not { } slot)
        {
            return c.NoOpenSlot
                ? ComponentScore.Of(NoneOpenValue, $"no open slot in the next {HorizonDays} days",
                    $"No open session in the next {HorizonDays} days")
                : ComponentScore.Of(UnknownValue, "no published hours");
        }
        var when = When(slot, c.Now, c.Listing.TimeZone);
        return ComponentScore.Of(ValueIn(DaysUntil(slot, c.Now)), $"first open slot {when}", $"First open session {when}");
    }

    /// <summary>
    /// The wait in calendar days on the practitioner's calendar ("today", "tomorrow", "in 4 days"),
    /// as a person counts it: a session tomorrow morning is tomorrow, not "in 2 days" because it is
    /// 25 hours away. The value still uses the exact wait.
    /// </summary>
    private static string When(DateTimeOffset slot, DateTimeOffset now, string timeZone)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc;
        var days = Period.Between(Instant.FromDateTimeOffset(now).InZone(zone).Date, Instant.FromDateTimeOffset(slot).InZone(zone).Date, PeriodUnits.Days).Days;
        return days switch { <= 0 => "today", 1 => "tomorrow", _ => $"in {days} days" };
    }

    private static double DaysUntil(DateTimeOffset slot, DateTimeOffset now) => Math.Max(0, (slot - now).TotalDays);

    private static double ValueIn(double days) =>
        days <= 3 ? 1 : Math.Max(LatestOpeningValue, 1 - (1 - LatestOpeningValue) * (days - 3) / (HorizonDays - 3));
}

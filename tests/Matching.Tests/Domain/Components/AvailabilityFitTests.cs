using HealingNetwork.Matching.Domain.Components;

namespace HealingNetwork.Matching.Tests.Domain.Components;

public sealed class AvailabilityFitTests
{
    private static readonly AvailabilityFit Fit = new();

    private static double InDays(double days) =>
        Fit.Evaluate(Contexts.For(slot: Contexts.Now + TimeSpan.FromDays(days))).Value;

    [Theory]
    [InlineData(0.2, 1.0)]
    [InlineData(3, 1.0)]
    [InlineData(15.5, 0.55)]
    [InlineData(28, 0.1)]
    [InlineData(90, 0.1)]
    public void Falls_linearly_from_one_at_three_days_to_a_tenth_at_four_weeks(double days, double expected)
    {
        Assert.Equal(expected, InDays(days), 9);
    }

    [Fact]
    public void A_slot_already_begun_counts_as_now()
    {
        Assert.Equal(1.0, InDays(-1), 9);
    }

    [Fact]
    public void No_published_hours_is_unknown_not_zero()
    {
        var result = Fit.Evaluate(Contexts.For(slot: null));

        Assert.Equal(AvailabilityFit.UnknownValue, result.Value, 9);
        Assert.Equal("no published hours", result.Explanation);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Hours_published_with_nothing_open_in_the_horizon_score_lowest_below_a_late_opening_and_say_so()
    {
        var result = Fit.Evaluate(Contexts.For(slot: null) with { NoOpenSlot = true });

        Assert.Equal(0, result.Value, 9);
        Assert.Equal(AvailabilityFit.LowestValue, result.Value, 9);
        Assert.Equal(result.Value, Fit.Value(Contexts.For(slot: null) with { NoOpenSlot = true }), 9);
        Assert.True(result.Value < InDays(AvailabilityFit.HorizonDays));
        Assert.True(result.Value < Fit.Evaluate(Contexts.For(slot: null)).Value); // unknown (no hours) is not penalised as much
        Assert.Equal("no open slot in the next 28 days", result.Explanation);
        Assert.Equal(["No open session in the next 28 days"], result.Reasons);
    }

    [Fact]
    public void Reasons_say_when_the_first_session_is_open()
    {
        Assert.Contains("First open session today", Fit.Evaluate(Contexts.For(slot: Contexts.Now.AddHours(5))).Reasons);
        Assert.Contains("First open session in 9 days", Fit.Evaluate(Contexts.For(slot: Contexts.Now.AddDays(9.5))).Reasons);
    }

    [Theory]
    // Now is Monday 2 June 2025 12:00 UTC, 05:00 in Los Angeles.
    [InlineData("2025-06-03T13:01:00Z", "America/Los_Angeles", "tomorrow")] // 25 hours away: tomorrow, not "in 2 days"
    [InlineData("2025-06-03T02:00:00Z", "America/Los_Angeles", "today")] // 19:00 the same day there, though tomorrow in UTC
    [InlineData("2025-06-03T02:00:00Z", "Europe/Berlin", "tomorrow")] // 04:00 the next day there
    [InlineData("2025-06-05T13:00:00Z", "America/Los_Angeles", "in 3 days")]
    [InlineData("2025-06-03T13:00:00Z", "Not/AZone", "tomorrow")] // an unknown zone counts UTC days
    public void The_wait_is_counted_in_calendar_days_on_the_practitioners_calendar(string slot, string timeZone, string when)
    {
        var context = Contexts.For(slot: DateTimeOffset.Parse(slot, System.Globalization.CultureInfo.InvariantCulture));
        context.Listing.TimeZone = timeZone;

        var result = Fit.Evaluate(context);

        Assert.Equal($"first open slot {when}", result.Explanation);
        Assert.Equal([$"First open session {when}"], result.Reasons);
    }
}

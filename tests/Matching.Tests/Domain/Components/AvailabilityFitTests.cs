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
        Assert.Contains("First open session within a day", Fit.Evaluate(Contexts.For(slot: Contexts.Now.AddHours(5))).Reasons);
        Assert.Contains("First open session in 10 days", Fit.Evaluate(Contexts.For(slot: Contexts.Now.AddDays(9.5))).Reasons);
    }
}

using HealingNetwork.Matching.Domain.Components;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain.Components;

public sealed class ApproachFitTests
{
    private static readonly ApproachFit Fit = new();

    [Fact]
    public void A_full_healing_partnership_scores_one_and_names_each_quality()
    {
        var result = Fit.Evaluate(Contexts.For());

        Assert.Equal(1.0, result.Value, 9);
        Assert.Contains("Shares decisions; the final choice is yours", result.Reasons);
        Assert.Contains("Informs you of options", result.Reasons);
        Assert.Contains("First visit of 90 minutes to hear your story", result.Reasons);
        Assert.Contains("Sets expectations: a trial of about 8 weeks", result.Reasons);
        Assert.Contains("Works alongside other healing partners", result.Reasons);
    }

    [Fact]
    public void A_listing_without_approach_signals_scores_only_for_not_selling_products()
    {
        var result = Fit.Evaluate(Contexts.For(listing: Contexts.Plain()));

        Assert.Equal(1 / 6.0, result.Value, 9);
        Assert.Empty(result.Reasons);
        // Every one of the six terms of the mean is shown with its value, so the explanation adds up.
        Assert.Equal("mean of shared decisions 0, options 0, listening 0, expectations 0, service 1, partnerships 0", result.Explanation);
    }

    [Fact]
    public void Product_centred_practice_loses_the_service_share_and_is_told()
    {
        var listing = Samples.Naturopath();
        listing.Approach.SellsProducts = true;
        listing.Approach.ProductShare = 0.8;

        var result = Fit.Evaluate(Contexts.For(listing: listing));

        Assert.Equal((5 + 0.2) / 6, result.Value, 9);
        Assert.Contains("Products are central to this practice", result.Reasons);
    }

    [Fact]
    public void A_thirty_minute_intake_is_half_of_listening_and_not_claimed_as_hearing_the_story()
    {
        var listing = Samples.Naturopath();
        listing.Approach.IntakeMinutes = 30;

        var result = Fit.Evaluate(Contexts.For(listing: listing));

        Assert.Equal((5 + 0.5) / 6, result.Value, 9);
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("First visit", StringComparison.Ordinal));
    }

    [Fact]
    public void Trial_period_without_cost_estimate_is_half_the_expectations()
    {
        var listing = Samples.Naturopath();
        listing.Approach.CostEstimate = 0;

        Assert.Equal((5 + 0.5) / 6, Fit.Evaluate(Contexts.For(listing: listing)).Value, 9);
    }
}

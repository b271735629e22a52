using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain.Components;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain.Components;

public sealed class TermsFitTests
{
    private static readonly TermsFit Fit = new();

    private static Profile Client(long budget = 5000, bool slidingNeeded = false, string[]? barter = null, bool timeBank = false)
    {
        var profile = Samples.NatureClient();
        profile.Budget = budget > 0 ? new Budget { Currency = "USD", MaxPerSession = budget } : null;
        profile.SlidingScaleNeeded = slidingNeeded;
        profile.BarterOffers.Clear();
        profile.BarterOffers.AddRange(barter ?? []);
        profile.TimeBankHours = timeBank;
        return profile;
    }

    [Fact]
    public void Regular_fee_within_budget_scores_one()
    {
        var result = Fit.Evaluate(Contexts.For(profile: Client(budget: 10000)));

        Assert.Equal(1.0, result.Value, 9);
        Assert.Contains("Fees from $90 fit your $100 budget", result.Reasons);
    }

    [Fact]
    public void Sliding_scale_reaching_a_tight_budget_scores_point_eight_five_and_says_so()
    {
        var result = Fit.Evaluate(Contexts.For(profile: Client(budget: 5000)));

        Assert.Equal(0.85, result.Value, 9);
        Assert.Contains("Sliding scale from $40 fits your $50 budget", result.Reasons);
    }

    [Fact]
    public void Sliding_scale_scores_one_for_a_client_who_needs_one()
    {
        Assert.Equal(1.0, Fit.Evaluate(Contexts.For(profile: Client(budget: 5000, slidingNeeded: true))).Value, 9);
    }

    [Fact]
    public void Accepted_barter_scores_point_eight()
    {
        var result = Fit.Evaluate(Contexts.For(profile: Client(budget: 0, barter: ["produce", "carpentry"])));

        Assert.Equal(0.8, result.Value, 9);
        Assert.Contains("Accepts barter: produce", result.Reasons);
    }

    [Fact]
    public void Time_bank_hours_score_point_seven()
    {
        var listing = Contexts.Plain();
        listing.Terms.TimeBank = true;

        var result = Fit.Evaluate(Contexts.For(profile: Client(budget: 0, timeBank: true), listing: listing));

        Assert.Equal(0.7, result.Value, 9);
        Assert.Contains("Accepts time-bank hours", result.Reasons);
    }

    [Fact]
    public void The_best_way_to_give_wins_and_every_way_is_listed()
    {
        var result = Fit.Evaluate(Contexts.For(profile: Client(budget: 5000, barter: ["produce"])));

        Assert.Equal(0.85, result.Value, 9);
        Assert.Equal(2, result.Reasons.Count);
    }

    [Fact]
    public void A_free_session_in_the_clients_currency_is_within_budget_and_scores_one()
    {
        var listing = Contexts.Plain();
        listing.Terms = new ExchangeTerms { Currency = "USD", FeeMin = 0, FeeMax = 0 };

        var result = Fit.Evaluate(Contexts.For(profile: Client(budget: 5000), listing: listing));

        Assert.Equal(1.0, result.Value, 9);
        Assert.Equal(1.0, Fit.Value(Contexts.For(profile: Client(budget: 5000), listing: listing)), 9);
        Assert.Contains("Sessions are free, within your $50 budget", result.Reasons);
        Assert.True(HealingNetwork.Matching.Domain.HardFilters.TermsFeasible(Client(budget: 5000), listing.Terms)); // the hard filter agrees
    }

    [Fact]
    public void Terms_beyond_the_budget_score_zero_and_say_so()
    {
        var result = Fit.Evaluate(Contexts.For(profile: Client(budget: 3000)));

        Assert.Equal(0, result.Value, 9);
        Assert.Contains("Terms beyond what you said you can give", result.Reasons);
    }

    [Fact]
    public void A_budget_in_another_currency_does_not_count_as_affordable()
    {
        var profile = Client(budget: 100000);
        profile.Budget.Currency = "EUR";

        Assert.Equal(0, Fit.Evaluate(Contexts.For(profile: profile)).Value, 9);
    }

    [Fact]
    public void Client_who_gave_no_budget_and_no_alternative_is_unknown_not_penalised()
    {
        var result = Fit.Evaluate(Contexts.For(profile: Client(budget: 0)));

        Assert.Equal(0.5, result.Value, 9);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Listing_without_terms_cannot_meet_a_given_budget()
    {
        var listing = Samples.Naturopath();
        listing.Terms = null;

        Assert.Equal(0, Fit.Evaluate(Contexts.For(profile: Client(budget: 5000), listing: listing)).Value, 9);
    }
}

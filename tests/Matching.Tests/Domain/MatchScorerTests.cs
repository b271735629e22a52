using HealingNetwork.Matching.Domain;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class MatchScorerTests
{
    private static readonly Profiles.V1.MatchWeights Weights = MatchWeightsResolver.Resolve(null, null);

    [Fact]
    public void Every_component_is_listed_in_order_with_freshness_last()
    {
        var scored = MatchScorer.Default.Score(Contexts.For(), Weights);

        Assert.Equal(["lifestyle", "modality", "distance", "terms", "availability", "approach", "freshness"], scored.Components.Select(c => c.Name));
    }

    [Fact]
    public void Score_is_the_sum_of_contributions_and_each_contribution_is_value_times_weight()
    {
        var scored = MatchScorer.Default.Score(Contexts.For(slot: Contexts.Now.AddDays(10)), Weights);

        foreach (var c in scored.Components.Where(c => c.Name != "freshness"))
        {
            Assert.Equal(c.RawValue * MatchWeightsResolver.WeightOf(Weights, c.Name), c.Contribution, 12);
            Assert.Equal(MatchWeightsResolver.WeightOf(Weights, c.Name), c.Weight, 12);
        }
        Assert.Equal(scored.Components.Sum(c => c.Contribution), scored.Score, 12);
        Assert.Equal(1.0, scored.Components.Single(c => c.Name == "freshness").RawValue, 12);
    }

    [Fact]
    public void A_stale_listing_scores_seven_tenths_and_its_reasons_say_so()
    {
        var fresh = MatchScorer.Default.Score(Contexts.For(), Weights);
        var context = Contexts.For();
        context.Listing.Stale = true;

        var stale = MatchScorer.Default.Score(context, Weights);

        Assert.Equal(fresh.Score * MatchScorer.StalePenalty, stale.Score, 12);
        Assert.Equal(MatchScorer.StalePenalty, stale.Components.Single(c => c.Name == "freshness").RawValue, 12);
        Assert.Equal(stale.Score - fresh.Score, stale.Components.Single(c => c.Name == "freshness").Contribution, 12);
        Assert.Equal(stale.Score, stale.Components.Sum(c => c.Contribution), 12);
        Assert.Contains(stale.Reasons, r => r.StartsWith("Not reconfirmed by the practitioner recently", StringComparison.Ordinal));
        Assert.DoesNotContain(fresh.Reasons, r => r.StartsWith("Not reconfirmed", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_stays_within_zero_and_one_for_the_best_and_the_worst_listing()
    {
        var best = MatchScorer.Default.Score(Contexts.For(slot: Contexts.Now), Weights);
        var worst = MatchScorer.Default.Score(Contexts.For(listing: Samples.Cardiologist("Dr. Far", false), distanceKm: 900), Weights);

        Assert.InRange(best.Score, 0.9, 1.0);
        Assert.InRange(worst.Score, 0.0, 0.3);
    }

    [Fact]
    public void Reasons_come_strongest_contribution_first()
    {
        var scored = MatchScorer.Default.Score(Contexts.For(), Weights);

        Assert.StartsWith("Nature-oriented, as you prefer", scored.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_scores_rank_by_listing_id_whatever_the_input_order()
    {
        var a = MatchScorer.Default.Score(Contexts.For(listing: Contexts.WithId(Samples.Naturopath(), "b-listing")), Weights);
        var b = MatchScorer.Default.Score(Contexts.For(listing: Contexts.WithId(Samples.Naturopath(), "a-listing")), Weights);
        var c = MatchScorer.Default.Score(Contexts.For(listing: Contexts.WithId(Samples.Naturopath(), "c-listing"), distanceKm: 20), Weights);

        Assert.Equal(["a-listing", "b-listing", "c-listing"], MatchScorer.Rank([c, a, b], s => s).Select(s => s.ListingId));
        Assert.Equal(["a-listing", "b-listing", "c-listing"], MatchScorer.Rank([b, c, a], s => s).Select(s => s.ListingId));
    }

    [Fact]
    public void The_same_context_always_gives_the_same_score()
    {
        Assert.Equal(MatchScorer.Default.Score(Contexts.For(), Weights).Score, MatchScorer.Default.Score(Contexts.For(), Weights).Score);
    }

    [Fact]
    public void Referral_scoring_lists_respect_distance_terms_availability_and_freshness()
    {
        var scored = ReferralScorer.Score(Contexts.For(listing: Samples.Cardiologist("Dr. Kind", true), careTeam: ["naturopathy"]));

        Assert.Equal(["respect", "distance", "terms", "availability", "freshness"], scored.Components.Select(c => c.Name));
        Assert.Equal(1.0, scored.Components.Where(c => c.Name != "freshness").Sum(c => c.Weight), 12);
    }
}

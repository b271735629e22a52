using HealingNetwork.Matching.Domain.Components;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain.Components;

public sealed class DistanceDecayTests
{
    private static readonly DistanceDecay Decay = new();

    private static double At(double km, double maxTravelKm, bool telehealth = false)
    {
        var profile = Samples.NatureClient();
        profile.MaxTravelKm = maxTravelKm;
        var listing = Samples.Naturopath();
        listing.Telehealth = telehealth;
        return Decay.Evaluate(Contexts.For(profile: profile, listing: listing, distanceKm: km)).Value;
    }

    [Fact]
    public void Practitioner_at_half_the_travel_limit_scores_one_half()
    {
        Assert.Equal(0.5, At(10, 20), 9);
        Assert.Equal(0.5, At(30, 60), 9);
    }

    [Fact]
    public void Next_door_scores_one_and_says_less_than_a_kilometre()
    {
        var result = Decay.Evaluate(Contexts.For(listing: InPersonOnly(), distanceKm: 0.4));

        Assert.Equal(1 / (1 + Math.Pow(0.4 / 12.5, 2)), result.Value, 9);
        Assert.Contains("Less than 1 km from you", result.Reasons);
    }

    [Fact]
    public void At_the_travel_limit_scores_one_fifth_and_gives_the_distance()
    {
        var result = Decay.Evaluate(Contexts.For(listing: InPersonOnly(), distanceKm: 25));

        Assert.Equal(0.2, result.Value, 9);
        Assert.Contains("25 km from you", result.Reasons);
    }

    [Fact]
    public void A_distance_from_a_searched_point_is_said_to_be_from_that_place()
    {
        var far = Decay.Evaluate(Contexts.For(listing: InPersonOnly(), distanceKm: 10.8) with { FromSearchedPoint = true });
        var near = Decay.Evaluate(Contexts.For(listing: InPersonOnly(), distanceKm: 0.4) with { FromSearchedPoint = true });
        var visiting = Decay.Evaluate(Contexts.For(distanceKm: 60) with { FromSearchedPoint = true, VisitsYou = true });

        Assert.Equal(["10.8 km from the place you searched"], far.Reasons);
        Assert.Equal(["Less than 1 km from the place you searched"], near.Reasons);
        Assert.Equal(["Comes to the place you searched (from 60 km away)"], visiting.Reasons);
    }

    [Fact]
    public void Small_travel_limits_use_a_five_kilometre_scale()
    {
        Assert.Equal(1 / (1 + Math.Pow(3 / 5.0, 2)), At(3, 4), 9);
    }

    [Fact]
    public void A_practitioner_who_comes_to_the_client_scores_one_however_far_the_practice()
    {
        var context = Contexts.For(distanceKm: 60) with { VisitsYou = true };

        var result = Decay.Evaluate(context);

        Assert.Equal(1, result.Value);
        Assert.Equal(result.Value, Decay.Value(context));
        Assert.False(context.RemoteOnly);
        Assert.Contains("Comes to you (from 60 km away)", result.Reasons);
    }

    [Fact]
    public void Telehealth_beyond_the_travel_limit_scores_the_remote_value()
    {
        Assert.Equal(DistanceDecay.RemoteValue, At(300, 20, telehealth: true), 9);
        Assert.Equal(DistanceDecay.RemoteValue, At(-1, 20, telehealth: true), 9);
        Assert.Contains("Sees you by telehealth", Decay.Evaluate(Contexts.For(distanceKm: -1)).Reasons);
    }

    [Fact]
    public void Within_reach_a_practitioner_who_also_offers_telehealth_never_scores_below_one_out_of_reach()
    {
        // The same telehealth practitioner: at the travel limit, just beyond it, and near.
        Assert.Equal(DistanceDecay.RemoteValue, At(20, 20, telehealth: true), 9);
        Assert.Equal(DistanceDecay.RemoteValue, At(21, 20, telehealth: true), 9);
        Assert.Equal(1 / (1 + Math.Pow(2 / 10.0, 2)), At(2, 20, telehealth: true), 9);
        var edge = Decay.Evaluate(Contexts.For(distanceKm: 25));
        Assert.Equal(["Sees you by telehealth, or in person 25 km from you"], edge.Reasons);
        Assert.Equal(edge.Value, Decay.Value(Contexts.For(distanceKm: 25)));
    }

    [Fact]
    public void A_client_who_does_not_take_telehealth_gets_the_in_person_curve_alone()
    {
        var profile = Samples.NatureClient();
        profile.TelehealthOk = false;

        Assert.Equal(0.2, Decay.Evaluate(Contexts.For(profile: profile, distanceKm: 25)).Value, 9);
    }

    [Fact]
    public void Out_of_reach_without_telehealth_scores_zero()
    {
        Assert.Equal(0, At(300, 20, telehealth: false), 9);
    }

    [Fact]
    public void A_widened_travel_limit_scores_the_listing_as_reachable_in_person()
    {
        var context = Contexts.For(distanceKm: 40) with { MaxTravelKm = 60 };
        var listing = context.Listing;
        listing.Telehealth = false;

        var result = Decay.Evaluate(context);

        Assert.Equal(1 / (1 + Math.Pow(40 / 30.0, 2)), result.Value, 9);
        Assert.Contains("40 km from you", result.Reasons);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(15, 0.8)]
    [InlineData(30, 0.68)]
    public void On_the_referral_curve_in_person_reach_never_scores_below_telehealth(double km, double expected)
    {
        var context = Contexts.For(distanceKm: km) with { MaxTravelKm = 30 };

        var result = DistanceDecay.Referral.Evaluate(context);

        Assert.Equal(expected, result.Value, 9);
        Assert.Equal(result.Value, DistanceDecay.Referral.Value(context), 9);
        Assert.True(result.Value > DistanceDecay.RemoteValue);
        Assert.Equal(DistanceDecay.RemoteValue, DistanceDecay.Referral.Value(Contexts.For(distanceKm: 946) with { MaxTravelKm = 30 }), 9);
        Assert.StartsWith("0.6 + 0.4 × 1 / (1 + (", result.Explanation, StringComparison.Ordinal);
    }

    private static Directory.V1.Listing InPersonOnly()
    {
        var listing = Samples.Naturopath();
        listing.Telehealth = false;
        return listing;
    }
}

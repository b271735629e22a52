using HealingNetwork.Matching.Domain;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class MatchWeightsResolverTests
{
    private static double Sum(MatchWeights w) => w.Lifestyle + w.Modality + w.Distance + w.Terms + w.Availability + w.Approach;

    [Fact]
    public void Without_any_weights_the_documented_defaults_apply_normalised()
    {
        var w = MatchWeightsResolver.Resolve(null, null);

        Assert.Equal(3 / 13.0, w.Lifestyle, 9);
        Assert.Equal(3 / 13.0, w.Modality, 9);
        Assert.Equal(2 / 13.0, w.Distance, 9);
        Assert.Equal(2 / 13.0, w.Terms, 9);
        Assert.Equal(1 / 13.0, w.Availability, 9);
        Assert.Equal(2 / 13.0, w.Approach, 9);
    }

    [Fact]
    public void The_call_override_beats_the_profile_which_beats_the_default()
    {
        var profile = new MatchWeights { Lifestyle = 5, Distance = 7 };
        var call = new MatchWeights { Lifestyle = 1 };

        var w = MatchWeightsResolver.Resolve(profile, call);

        var sum = 1 + 3 + 7 + 2 + 1 + 2.0;
        Assert.Equal(1 / sum, w.Lifestyle, 9);
        Assert.Equal(7 / sum, w.Distance, 9);
        Assert.Equal(3 / sum, w.Modality, 9);
    }

    [Fact]
    public void An_explicit_zero_switches_a_factor_off()
    {
        var w = MatchWeightsResolver.Resolve(null, new MatchWeights { Distance = 0 });

        Assert.Equal(0, w.Distance, 9);
        Assert.Equal(1.0, Sum(w), 9);
    }

    [Fact]
    public void Resolved_weights_always_sum_to_one()
    {
        var w = MatchWeightsResolver.Resolve(new MatchWeights { Terms = 10, Approach = 0.5 }, new MatchWeights { Availability = 9 });

        Assert.Equal(1.0, Sum(w), 9);
    }

    [Fact]
    public void All_zero_weights_mean_no_preference_and_fall_back_to_the_defaults()
    {
        var zero = new MatchWeights { Lifestyle = 0, Modality = 0, Distance = 0, Terms = 0, Availability = 0, Approach = 0 };

        Assert.Equal(MatchWeightsResolver.Resolve(null, null), MatchWeightsResolver.Resolve(null, zero));
    }

    [Theory]
    [InlineData("lifestyle", 0.1)]
    [InlineData("modality", 0.2)]
    [InlineData("distance", 0.3)]
    [InlineData("terms", 0.15)]
    [InlineData("availability", 0.05)]
    [InlineData("approach", 0.2)]
    [InlineData("freshness", 0)]
    [InlineData("unknown", 0)]
    public void Weight_of_looks_a_factor_up_by_its_name(string name, double expected)
    {
        var w = new MatchWeights { Lifestyle = 0.1, Modality = 0.2, Distance = 0.3, Terms = 0.15, Availability = 0.05, Approach = 0.2 };

        Assert.Equal(expected, MatchWeightsResolver.WeightOf(w, name), 9);
    }
}

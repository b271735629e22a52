using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// The weights of one match: per factor the call's override, else the profile's, else the
/// default (lifestyle 3, modality 3, distance 2, terms 2, availability 1, approach 2), then
/// normalised to sum to 1. All zero means "no preference": the defaults apply.
/// </summary>
public static class MatchWeightsResolver
{
    public static readonly MatchWeights Defaults = new()
    {
        Lifestyle = 3, Modality = 3, Distance = 2, Terms = 2, Availability = 1, Approach = 2,
    };

    public static MatchWeights Resolve(MatchWeights? profile, MatchWeights? call)
    {
        double Pick(Func<MatchWeights, bool> has, Func<MatchWeights, double> value) =>
            call is not null && has(call) ? value(call)
            : profile is not null && has(profile) ? value(profile)
            : value(Defaults);

        var w = new MatchWeights
        {
            Lifestyle = Pick(w => w.HasLifestyle, w => w.Lifestyle),
            Modality = Pick(w => w.HasModality, w => w.Modality),
            Distance = Pick(w => w.HasDistance, w => w.Distance),
            Terms = Pick(w => w.HasTerms, w => w.Terms),
            Availability = Pick(w => w.HasAvailability, w => w.Availability),
            Approach = Pick(w => w.HasApproach, w => w.Approach),
        };
        return Normalise(w);
    }

    public static MatchWeights Normalise(MatchWeights w)
    {
        var sum = w.Lifestyle + w.Modality + w.Distance + w.Terms + w.Availability + w.Approach;
        if (sum <= 0) return Normalise(Defaults);
        return new MatchWeights
        {
            Lifestyle = w.Lifestyle / sum, Modality = w.Modality / sum, Distance = w.Distance / sum,
            Terms = w.Terms / sum, Availability = w.Availability / sum, Approach = w.Approach / sum,
        };
    }

    /// <summary>The weights as a lookup by component name, the form the scorers take.</summary>
    public static Func<string, double> Lookup(MatchWeights w) => component => WeightOf(w, component);

    public static double WeightOf(MatchWeights w, string component) => component switch
    {
        "lifestyle" => w.Lifestyle,
        "modality" => w.Modality,
        "distance" => w.Distance,
        "terms" => w.Terms,
        "availability" => w.Availability,
        "approach" => w.Approach,
        _ => 0,
    };
}

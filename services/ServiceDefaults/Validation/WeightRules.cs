using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.ServiceDefaults.Validation;

/// <summary>Match weights: each given weight in 0..10 (Profiles stores them, Matching accepts overrides).</summary>
public static class WeightRules
{
    public const double MaxWeight = 10;

    public static void Validate(MatchWeights w, Violations v, string field)
    {
        void Check(bool has, double value, string name)
        {
            if (has) FieldRules.Range(v, $"{field}.{name}", value, 0.0, MaxWeight);
        }
        Check(w.HasLifestyle, w.Lifestyle, "lifestyle");
        Check(w.HasModality, w.Modality, "modality");
        Check(w.HasDistance, w.Distance, "distance");
        Check(w.HasTerms, w.Terms, "terms");
        Check(w.HasAvailability, w.Availability, "availability");
        Check(w.HasApproach, w.Approach, "approach");
    }
}

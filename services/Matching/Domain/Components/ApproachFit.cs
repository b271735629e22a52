using HealingNetwork.Directory.V1;

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// The qualities of a healing partnership, each in [0,1], averaged:
/// shared decisions; informs of options; listens to the story (intake minutes / 60, capped);
/// clear expectations (a trial period and a cost estimate given); service over products
/// (1 − product_share); encourages other partnerships (works alongside ≥ 2 modalities).
/// </summary>
public sealed class ApproachFit : IScoreComponent
{
    private static readonly Approach None = new();

    public string Name => "approach";

    public double Value(MatchContext c) => Signals(c.Listing.Approach ?? None).Value;

    public ComponentScore Evaluate(MatchContext c)
    {
        var a = c.Listing.Approach ?? None;
        var s = Signals(a);
        var reasons = new List<string>();
        if (a.SharedDecisions) reasons.Add("Shares decisions; the final choice is yours");
        if (a.InformsOfOptions) reasons.Add("Informs you of options");
        if (a.IntakeMinutes >= 45) reasons.Add($"First visit of {a.IntakeMinutes} minutes to hear your story");
        if (a.TypicalTrialWeeks > 0) reasons.Add($"Sets expectations: a trial of about {a.TypicalTrialWeeks} weeks");
        if (a.SellsProducts && a.ProductShare > 0.5) reasons.Add("Products are central to this practice");
        if (a.CollaboratesWith.Count >= 2) reasons.Add("Works alongside other healing partners");
        return new ComponentScore(s.Value,
            $"mean of shared decisions {(a.SharedDecisions ? 1 : 0)}, options {(a.InformsOfOptions ? 1 : 0)}, listening {s.Listening:0.##}, expectations {s.Expectations:0.##}, service {s.Service:0.##}, partnerships {s.Partnerships:0.##}",
            reasons);
    }

    private static (double Value, double Listening, double Expectations, double Service, double Partnerships) Signals(Approach a)
    {
        var listening = Math.Min(1, a.IntakeMinutes / 60.0);
        var expectations = (a.TypicalTrialWeeks > 0 ? 0.5 : 0) + (a.CostEstimate > 0 ? 0.5 : 0);
        var service = a.SellsProducts ? 1 - a.ProductShare : 1;
        var partnerships = Math.Min(1, a.CollaboratesWith.Count / 2.0);
        var value = ((a.SharedDecisions ? 1 : 0) + (a.InformsOfOptions ? 1 : 0) + listening + expectations + service + partnerships) / 6;
        return (value, listening, expectations, service, partnerships);
    }
}

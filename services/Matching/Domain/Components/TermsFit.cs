namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// Exchange-terms fit, the best of the ways the client can give: regular fee within budget 1;
/// sliding scale reaching the budget 0.85 (1 when the client asked for a sliding scale); accepted
/// barter the client offers 0.8; time-bank hours 0.7; otherwise 0 (terms the client cannot meet).
/// A client who gave no budget and no alternatives scores 0.5 (unknown).
/// </summary>
public sealed class TermsFit : IScoreComponent
{
    public string Name => "terms";

    public ComponentScore Evaluate(MatchContext c)
    {
        var terms = c.Listing.Terms ?? new Directory.V1.ExchangeTerms();
        var budget = c.Profile.Budget;
        var options = new List<(double Value, string Explanation, string Reason)>();
        var hasMoney = budget is { MaxPerSession: > 0 } && budget.Currency == terms.Currency;
        if (hasMoney && terms.FeeMax > 0 && terms.FeeMin <= budget!.MaxPerSession)
        {
            options.Add((1, "fee within budget",
                $"Fees from {Money.Format(terms.FeeMin, terms.Currency)} fit your {Money.Format(budget.MaxPerSession, budget.Currency)} budget"));
        }
        if (hasMoney && terms.SlidingScaleMin > 0 && terms.SlidingScaleMin <= budget!.MaxPerSession)
        {
            options.Add((c.Profile.SlidingScaleNeeded ? 1 : 0.85, "sliding scale reaches budget",
                $"Sliding scale from {Money.Format(terms.SlidingScaleMin, terms.Currency)} fits your {Money.Format(budget.MaxPerSession, budget.Currency)} budget"));
        }
        var barter = c.Profile.BarterOffers.Intersect(terms.BarterAccepted, StringComparer.Ordinal).ToArray();
        if (barter.Length > 0)
            options.Add((0.8, "accepts barter you offer", $"Accepts barter: {string.Join(", ", barter)}"));
        if (terms.TimeBank && c.Profile.TimeBankHours)
            options.Add((0.7, "accepts time-bank hours", "Accepts time-bank hours"));

        if (options.Count > 0)
        {
            var best = options.MaxBy(o => o.Value);
            return new ComponentScore(best.Value, best.Explanation, options.Select(o => o.Reason).ToArray());
        }
        var gaveNothing = budget is not { MaxPerSession: > 0 } && c.Profile.BarterOffers.Count == 0 && !c.Profile.TimeBankHours;
        return gaveNothing
            ? ComponentScore.Of(0.5, "no budget given: unknown")
            : ComponentScore.Of(0, "terms beyond what you can give", "Terms beyond what you said you can give");
    }
}

using HealingNetwork.Directory.V1;

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// Exchange-terms fit, the best of the ways the client can give: regular fee within budget 1;
/// sliding scale reaching the budget 0.85 (1 when the client asked for a sliding scale); accepted
/// barter the client offers 0.8; time-bank hours 0.7; otherwise 0 (terms the client cannot meet).
/// A client who gave no budget and no alternatives scores 0.5 (unknown). A fee of 0 in the client's
/// currency is a free session, within any budget including 0 (<see cref="ClientBudget"/>), as
/// <see cref="HardFilters.TermsFeasible"/> and the directory's max_fee filter read it (listing.proto, ExchangeTerms).
/// </summary>
public sealed class TermsFit : IScoreComponent
{
    private static readonly ExchangeTerms None = new();

    public string Name => "terms";

    public double Value(MatchContext c)
    {
        var w = Ways(c);
        var best = Math.Max(Math.Max(w.Fee ? 1 : 0, w.Sliding ? SlidingValue(c) : 0), Math.Max(w.Barter ? 0.8 : 0, w.TimeBank ? 0.7 : 0));
        return w.Any ? best : GaveNothing(c) ? 0.5 : 0;
    }

    public ComponentScore Evaluate(MatchContext c)
    {
        var terms = c.Listing.Terms ?? None;
        var budget = c.Profile.Budget;
        var w = Ways(c);
        var options = new List<(double Value, string Explanation, string Reason)>();
        if (w.Fee)
        {
            options.Add((1, "fee within budget", FeeReason(terms, budget)));
        }
        if (w.Sliding)
        {
            options.Add((SlidingValue(c), "sliding scale reaches budget",
                $"Sliding scale from {Money.Format(terms.SlidingScaleMin, terms.Currency)} fits your {Money.Format(budget.MaxPerSession, budget.Currency)} budget"));
        }
        if (w.Barter)
        {
            var barter = c.Profile.BarterOffers.Intersect(terms.BarterAccepted, StringComparer.Ordinal);
            options.Add((0.8, "accepts barter you offer", $"Accepts barter: {string.Join(", ", barter)}"));
        }
        if (w.TimeBank) options.Add((0.7, "accepts time-bank hours", "Accepts time-bank hours"));

        if (options.Count > 0)
        {
            var best = options.MaxBy(o => o.Value);
            return new ComponentScore(best.Value, best.Explanation, options.Select(o => o.Reason).ToArray());
        }
        return GaveNothing(c)
            ? ComponentScore.Of(0.5, "no budget given: unknown")
            : ComponentScore.Of(0, "terms beyond what you can give", "Terms beyond what you said you can give");
    }

    /// <summary>Why the fee fits: free sessions are said to be free (and to a client who can pay nothing, nothing more).</summary>
    private static string FeeReason(ExchangeTerms terms, Profiles.V1.Budget budget) => (terms.FeeMax, budget.MaxPerSession) switch
    {
        (0, 0) => "Sessions are free",
        (_, 0) => $"Offers free sessions (fees up to {Money.Format(terms.FeeMax, terms.Currency)})",
        (0, _) => $"Sessions are free, within your {Money.Format(budget.MaxPerSession, budget.Currency)} budget",
        _ => $"Fees from {Money.Format(terms.FeeMin, terms.Currency)} fit your {Money.Format(budget.MaxPerSession, budget.Currency)} budget",
    };

    /// <summary>Which of the ways to pay this client and listing share.</summary>
    private static (bool Fee, bool Sliding, bool Barter, bool TimeBank, bool Any) Ways(MatchContext c)
    {
        var terms = c.Listing.Terms ?? None;
        var budget = ClientBudget.Of(c.Profile);
        var fee = ClientBudget.Reaches(budget, terms.FeeMin, terms.Currency);
        var sliding = terms.SlidingScaleMin > 0 && ClientBudget.Reaches(budget, terms.SlidingScaleMin, terms.Currency);
        var barter = Sets.Overlap(c.Profile.BarterOffers, terms.BarterAccepted);
        var timeBank = terms.TimeBank && c.Profile.TimeBankHours;
        return (fee, sliding, barter, timeBank, fee || sliding || barter || timeBank);
    }

    private static double SlidingValue(MatchContext c) => c.Profile.SlidingScaleNeeded ? 1 : 0.85;

    private static bool GaveNothing(MatchContext c) =>
        ClientBudget.Of(c.Profile) is null && c.Profile.BarterOffers.Count == 0 && !c.Profile.TimeBankHours;
}

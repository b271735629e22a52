using HealingNetwork.Matching.Domain.Components;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// score = (Σ weightᵢ × valueᵢ) × freshness, with weights normalised to sum 1 and freshness 1 for a
/// listing its owner confirmed recently, <see cref="StalePenalty"/> for a stale one. Every
/// component is returned with its value, weight and contribution (freshness contributes what the
/// penalty takes away, so the contributions add up to the score); the reasons come from the
/// components, strongest contribution first. Ranking ties break by listing id.
/// <para>
/// <see cref="Top{T}"/> ranks every candidate by <see cref="Value"/> (numbers only, no allocation)
/// and explains only the page it returns: the explanations are most of the cost of scoring.
/// <see cref="TopAsync{T}"/> ranks the same way but looks up earliest slots only for the
/// candidates that could reach the page: the lookup is most of the cost of a match.
/// </para>
/// </summary>
public sealed class MatchScorer(IReadOnlyList<IScoreComponent> components)
{
    public const double StalePenalty = 0.7;

    public static MatchScorer Default { get; } = new(
        [new LifestyleFit(), new ModalityFit(), new DistanceDecay(), new TermsFit(), new AvailabilityFit(), new ApproachFit()]);

    public ScoredMatch Score(MatchContext context, MatchWeights normalisedWeights) =>
        Score(context, MatchWeightsResolver.Lookup(normalisedWeights));

    /// <summary>The components' weights, in component order, looked up by name (they must sum to 1).</summary>
    public double[] WeightsOf(Func<string, double> weightOf)
    {
        var weights = new double[components.Count];
        for (var i = 0; i < weights.Length; i++) weights[i] = weightOf(components[i].Name);
        return weights;
    }

    /// <summary>The score alone, exactly as <see cref="Score(MatchContext, Func{string, double})"/> computes it.</summary>
    public double Value(MatchContext context, ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        for (var i = 0; i < components.Count; i++) sum += components[i].Value(context) * weights[i];
        return Final(sum, context.Listing.Stale);
    }

    /// <summary>Scores with weights looked up by component name (they must sum to 1), explained.</summary>
    public ScoredMatch Score(MatchContext context, Func<string, double> weightOf)
    {
        var parts = new List<(ScoreComponent Component, IReadOnlyList<string> Reasons)>(components.Count + 1);
        var sum = 0.0;
        foreach (var component in components)
        {
            var result = component.Evaluate(context);
            var weight = weightOf(component.Name);
            sum += result.Value * weight;
            parts.Add((new ScoreComponent
            {
                Name = component.Name,
                RawValue = result.Value,
                Weight = weight,
                Contribution = result.Value * weight,
                Explanation = result.Explanation,
            }, result.Reasons));
        }
        var stale = context.Listing.Stale;
        var freshness = stale ? StalePenalty : 1.0;
        var score = Final(sum, stale);

        var reasons = parts.OrderByDescending(p => p.Component.Contribution).SelectMany(p => p.Reasons).ToList();
        if (stale) reasons.Add("Not reconfirmed by the practitioner recently: details may be out of date (ranked lower)");
        var all = parts.Select(p => p.Component).Append(new ScoreComponent
        {
            Name = "freshness",
            RawValue = freshness,
            Weight = 0,
            Contribution = score - sum,
            Explanation = stale ? $"stale listing: score × {StalePenalty}" : "confirmed recently: score × 1",
        }).ToArray();
        return new ScoredMatch(context.Listing.Id, score, all, reasons);
    }

    /// <summary>
    /// The best <paramref name="count"/> candidates, ranked as <see cref="Rank{T}"/> ranks them, each
    /// explained; the others are only valued.
    /// </summary>
    public IReadOnlyList<(T Item, ScoredMatch Scored)> Top<T>(IReadOnlyList<T> items, Func<T, MatchContext> contextOf, Func<string, double> weightOf, int count)
    {
        var weights = WeightsOf(weightOf);
        var contexts = new MatchContext[items.Count];
        var keys = new (double Score, string Id, int Index)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            contexts[i] = contextOf(items[i]);
            keys[i] = (Math.Round(Value(contexts[i], weights), 9), contexts[i].Listing.Id, i);
        }
        Array.Sort(keys, ByRank);
        var top = new (T, ScoredMatch)[Math.Min(count, keys.Length)];
        for (var i = 0; i < top.Length; i++) top[i] = (items[keys[i].Index], Score(contexts[keys[i].Index], weightOf));
        return top;
    }

    /// <summary>
    /// <see cref="Top{T}"/> for candidates whose earliest open slots are not known yet and cost a
    /// lookup (<paramref name="earliestOf"/>, one batched call). Without its slot a candidate's score
    /// lies between the scores it would have with the best availability value (1) and the worst
    /// (<see cref="AvailabilityFit.LowestValue"/>, nothing open); the page's last score is at least the
    /// <paramref name="count"/>-th best lower bound, so only candidates whose upper bound reaches it
    /// are looked up: the others cannot enter the page whatever their slot. The result is exactly
    /// <see cref="Top{T}"/>'s with every slot known, in one lookup, usually for a fraction of the candidates.
    /// </summary>
    /// <param name="contextOf">The scoring context of a candidate with the given earliest opening (<see cref="EarliestOpening.Unknown"/> before the lookup).</param>
    /// <param name="earliestOf">The earliest opening of each candidate given, in the same order.</param>
    /// <remarks>
    /// Not an async method itself: the contenders are chosen before anything is awaited, and only
    /// they are handed to the part that awaits. The other candidates (usually most of them, each a
    /// parsed listing) are garbage by then instead of surviving every collection during the lookup,
    /// which is when most in-flight matches sit in memory (an async method keeps its parameters).
    /// </remarks>
    public Task<IReadOnlyList<(T Item, EarliestOpening Slot, ScoredMatch Scored)>> TopAsync<T>(
        IReadOnlyList<T> items, Func<T, EarliestOpening, MatchContext> contextOf,
        Func<IReadOnlyList<T>, Task<IReadOnlyList<EarliestOpening>>> earliestOf, Func<string, double> weightOf, int count)
    {
        if (count <= 0 || items.Count == 0) return Task.FromResult<IReadOnlyList<(T, EarliestOpening, ScoredMatch)>>([]);
        var weights = WeightsOf(weightOf);
        var withoutSlot = (double[])weights.Clone();
        var slotWeight = 0.0;
        for (var i = 0; i < components.Count; i++)
            if (components[i] is AvailabilityFit) (slotWeight, withoutSlot[i]) = (slotWeight + weights[i], 0);

        // Without its slot a candidate's score lies between these bounds, a hair wider than exact so
        // summation order can never put an exact score outside them.
        var bounds = new (double Upper, double Lower, int Index)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var context = contextOf(items[i], EarliestOpening.Unknown);
            var sum = 0.0;
            for (var c = 0; c < components.Count; c++) sum += components[c].Value(context) * withoutSlot[c];
            var stale = context.Listing.Stale;
            bounds[i] = (Math.Round(Final(sum + slotWeight, stale) + 1e-12, 9),
                Math.Round(Final(sum + slotWeight * AvailabilityFit.LowestValue, stale) - 1e-12, 9), i);
        }
        // The page's last score is at least the count-th best lower bound: a candidate whose upper
        // bound is below it cannot reach the page.
        var floor = bounds.Select(b => b.Lower).OrderDescending().ElementAt(Math.Min(count, bounds.Length) - 1);
        Array.Sort(bounds, static (a, b) => b.Upper.CompareTo(a.Upper));
        var contenders = bounds.TakeWhile(b => b.Upper >= floor).Select(b => (items[b.Index], b.Upper)).ToArray();
        return RankContendersAsync(contenders, floor, contextOf, earliestOf, weights, weightOf, count);
    }

    /// <summary>
    /// <see cref="TopAsync{T}"/> once the contenders are known (best upper bound first): looks up
    /// their slots, values and ranks them, and explains the page.
    /// </summary>
    private async Task<IReadOnlyList<(T Item, EarliestOpening Slot, ScoredMatch Scored)>> RankContendersAsync<T>(
        (T Item, double Upper)[] contenders, double floor, Func<T, EarliestOpening, MatchContext> contextOf,
        Func<IReadOnlyList<T>, Task<IReadOnlyList<EarliestOpening>>> earliestOf, double[] weights, Func<string, double> weightOf, int count)
    {
        var slots = new EarliestOpening[contenders.Length];
        var contexts = new MatchContext[contenders.Length];
        var keys = new List<(double Score, string Id, int Index)>(contenders.Length);
        var looked = 0;
        while (looked < contenders.Length)
        {
            // The first round is every candidate that could reach the page, and then the page's last
            // score is known; a second round only if it were not (kept as the rule's backstop).
            var threshold = keys.Count < count ? floor : keys[count - 1].Score;
            var round = Enumerable.Range(looked, contenders.Length - looked).TakeWhile(j => contenders[j].Upper >= threshold).ToArray();
            if (round.Length == 0) break;
            var found = await earliestOf(round.Select(j => contenders[j].Item).ToArray());
            for (var k = 0; k < round.Length; k++)
            {
                var j = round[k];
                slots[j] = found[k];
                contexts[j] = contextOf(contenders[j].Item, found[k]);
                keys.Add((Math.Round(Value(contexts[j], weights), 9), contexts[j].Listing.Id, j));
            }
            looked += round.Length;
            keys.Sort(ByRank);
        }
        var top = new (T, EarliestOpening, ScoredMatch)[Math.Min(count, keys.Count)];
        for (var i = 0; i < top.Length; i++) top[i] = (contenders[keys[i].Index].Item, slots[keys[i].Index], Score(contexts[keys[i].Index], weightOf));
        return top;
    }

    /// <summary>The ranking of valued candidates (score rounded to 9 digits): best first, equal scores by listing id.</summary>
    private static int ByRank((double Score, string Id, int Index) a, (double Score, string Id, int Index) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Id, b.Id);

    /// <summary>Best first; equal scores by listing id, so the ranking is the same everywhere.</summary>
    public static IEnumerable<T> Rank<T>(IEnumerable<T> items, Func<T, ScoredMatch> scored) =>
        items.OrderByDescending(i => Math.Round(scored(i).Score, 9)).ThenBy(i => scored(i).ListingId, StringComparer.Ordinal);

    private static double Final(double sum, bool stale) => Math.Clamp(sum * (stale ? StalePenalty : 1.0), 0, 1);
}

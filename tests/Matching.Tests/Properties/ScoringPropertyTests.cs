using HealingNetwork.Directory.Domain;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.Domain.Components;

namespace HealingNetwork.Matching.Tests.Properties;

/// <summary>
/// The fast path (every candidate valued, only the page explained) is the explained path:
/// over generated profiles and listings, each component's Value equals its Evaluate().Value to
/// the bit, and Top returns the same listings in the same order as ranking fully explained scores.
/// </summary>
public sealed class ScoringPropertyTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly IScoreComponent[] Components =
        [new LifestyleFit(), new ModalityFit(), new DistanceDecay(), new TermsFit(), new AvailabilityFit(), new ApproachFit(), new RespectFit()];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_component_values_a_candidate_exactly_as_it_explains_it(int seed)
    {
        foreach (var context in GeneratedContexts(seed, 1500))
        {
            foreach (var component in Components)
            {
                var explained = component.Evaluate(context);
                Assert.True(component.Value(context).Equals(explained.Value),
                    $"{component.Name} of '{context.Listing.DisplayName}': Value {component.Value(context):R} but Evaluate {explained.Value:R}");
                Assert.InRange(explained.Value, 0, 1);
            }
        }
    }

    [Theory]
    [InlineData(3, 20)]
    [InlineData(4, 5)]
    [InlineData(5, 400)]
    public void Top_ranks_like_fully_explained_scores_and_explains_the_page(int seed, int page)
    {
        var contexts = GeneratedContexts(seed, 300).ToArray();
        var weights = MatchWeightsResolver.Resolve(null, new Profiles.V1.MatchWeights { Lifestyle = seed, Distance = 2, Approach = 1 });
        var weightOf = MatchWeightsResolver.Lookup(weights);

        var expected = MatchScorer.Rank(contexts.Select(c => MatchScorer.Default.Score(c, weightOf)), s => s).Take(page).ToArray();
        var top = MatchScorer.Default.Top(contexts, c => c, weightOf, page);

        Assert.Equal(expected.Select(s => s.ListingId), top.Select(t => t.Scored.ListingId));
        Assert.Equal(expected.Select(s => s.Score), top.Select(t => t.Scored.Score));
        Assert.All(top, t => Assert.Equal(t.Item.Listing.Id, t.Scored.ListingId));
        Assert.All(top, t => Assert.Equal(t.Scored.Score, t.Scored.Components.Sum(c => c.Contribution), 12));
    }

    [Fact]
    public void Referral_top_ranks_like_fully_explained_referral_scores()
    {
        var contexts = GeneratedContexts(6, 300).ToArray();

        var expected = MatchScorer.Rank(contexts.Select(ReferralScorer.Score), s => s).Take(10).Select(s => s.ListingId);
        var top = ReferralScorer.Scorer.Top(contexts, c => c, ReferralScorer.WeightOf, 10);

        Assert.Equal(expected, top.Select(t => t.Scored.ListingId));
    }

    [Theory]
    [InlineData(7, 20, 1.0)]
    [InlineData(8, 5, 1.0)]
    [InlineData(9, 1, 1.0)]
    [InlineData(10, 20, 6.0)]
    [InlineData(11, 20, 40.0)]
    [InlineData(12, 400, 1.0)]
    [InlineData(13, 20, 0.0)]
    public async Task TopAsync_looking_up_slots_only_where_they_could_matter_ranks_exactly_as_Top_with_every_slot_known(int seed, int page, double availability)
    {
        var contexts = GeneratedContexts(seed, 200).ToArray();
        var weights = MatchWeightsResolver.Resolve(null, new Profiles.V1.MatchWeights { Availability = availability });
        var weightOf = MatchWeightsResolver.Lookup(weights);
        var looked = new List<MatchContext>();
        var rounds = 0;

        var expected = MatchScorer.Default.Top(contexts, c => c, weightOf, page);
        var top = await MatchScorer.Default.TopAsync(contexts, (c, opening) => c.With(opening),
            batch =>
            {
                rounds++;
                looked.AddRange(batch);
                return Task.FromResult<IReadOnlyList<EarliestOpening>>(batch.Select(c => c.Opening).ToArray());
            }, weightOf, page);

        Assert.Equal(expected.Select(t => t.Scored.ListingId), top.Select(t => t.Scored.ListingId));
        Assert.Equal(expected.Select(t => t.Scored.Score), top.Select(t => t.Scored.Score));
        Assert.Equal(expected.Select(t => t.Scored.Components.Single(c => c.Name == "availability").Explanation),
            top.Select(t => t.Scored.Components.Single(c => c.Name == "availability").Explanation));
        Assert.All(top, t => Assert.Equal(t.Item.Opening, t.Slot));
        Assert.Equal(looked.Count, looked.Distinct().Count());
        Assert.Equal(1, rounds);
        // With the default weight (1 of 13) most candidates cannot reach a short page whatever their slot.
        if (availability <= 1.0 && page <= 20) Assert.True(looked.Count < contexts.Length / 2, $"looked up {looked.Count} of {contexts.Length}");
    }

    [Fact]
    public async Task TopAsync_of_no_candidates_or_an_empty_page_looks_nothing_up()
    {
        var contexts = GeneratedContexts(14, 10).ToArray();
        Task<IReadOnlyList<EarliestOpening>> Fail(IReadOnlyList<MatchContext> _) => throw new InvalidOperationException("looked up");

        Assert.Empty(await MatchScorer.Default.TopAsync([], (MatchContext c, EarliestOpening s) => c, Fail, _ => 0.2, 20));
        Assert.Empty(await MatchScorer.Default.TopAsync(contexts, (c, s) => c, Fail, _ => 0.2, 0));
    }

    [Fact]
    public async Task TopAsync_keeps_only_the_candidates_it_looks_up_alive_while_the_lookup_is_pending()
    {
        // The candidates that cannot reach the page are garbage during the lookup (each is a parsed
        // listing in Matching, and most in-flight matches are waiting on it): none may survive it.
        var lookup = new TaskCompletionSource<IReadOnlyList<EarliestOpening>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var looked = new List<MatchContext>();
        var (ranking, candidates) = StartRanking(lookup, looked);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.InRange(looked.Count, 1, candidates.Length / 2 - 1);
        Assert.Equal(looked.Count, candidates.Count(c => c.TryGetTarget(out _)));
        lookup.SetResult(looked.Select(c => c.Opening).ToArray());
        Assert.Equal(20, (await ranking).Count);
    }

    /// <summary>Starts a ranking of 200 candidates held only weakly here, so the ranking alone decides what stays alive.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (Task<IReadOnlyList<(MatchContext Item, EarliestOpening Slot, ScoredMatch Scored)>> Ranking, WeakReference<MatchContext>[] Candidates)
        StartRanking(TaskCompletionSource<IReadOnlyList<EarliestOpening>> lookup, List<MatchContext> looked)
    {
        var contexts = GeneratedContexts(15, 200).ToArray();
        var ranking = MatchScorer.Default.TopAsync(contexts, (c, opening) => c.With(opening),
            batch =>
            {
                looked.AddRange(batch);
                return lookup.Task;
            }, MatchWeightsResolver.Lookup(MatchWeightsResolver.Resolve(null, null)), 20);
        return (ranking, contexts.Select(c => new WeakReference<MatchContext>(c)).ToArray());
    }

    /// <summary>
    /// Random pairs, half of them near each other, some stale, with and without a slot (half of those
    /// without one publish hours with nothing open) and care team.
    /// </summary>
    private static IEnumerable<MatchContext> GeneratedContexts(int seed, int count)
    {
        var listings = SyntheticListings.Generate(count, seed, Now).ToArray();
        var profiles = new RandomProfiles(seed, listings);
        var random = new Random(seed);
        foreach (var (listing, index) in listings.Select((l, i) => (l, i)))
        {
            var profile = profiles.Next();
            // Generated listings have no id until the store gives one; ties break by id (unique, not in input order).
            listing.Id = $"listing-{(index * 7_919) % 10_007:D5}";
            listing.Stale = random.NextDouble() < 0.2;
            var distance = random.NextDouble() < 0.1 ? -1 : random.NextDouble() * 1.5 * Math.Max(1, profile.MaxTravelKm);
            DateTimeOffset? slot = random.NextDouble() < 0.3 ? null : Now.AddHours(random.Next(0, 24 * 40));
            var careTeam = profile.CareTeam.SelectMany(p => p.Modalities)
                .Concat(random.NextDouble() < 0.5 ? listing.Modalities.Take(1) : [])
                .ToHashSet(StringComparer.Ordinal);
            yield return new MatchContext(profile, listing, distance, slot, Now, careTeam)
            {
                MaxTravelKm = profile.MaxTravelKm,
                NoOpenSlot = slot is null && index % 2 == 0,
            };
        }
    }
}

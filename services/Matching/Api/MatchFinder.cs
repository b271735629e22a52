using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using Google.Protobuf.WellKnownTypes;

namespace HealingNetwork.Matching.Api;

/// <summary>
/// Candidates in, ranked and explained matches out: fetch (filters pushed down), re-check the
/// hard filters, look up earliest slots in one call, score, rank with the id tie-break.
/// </summary>
public sealed class MatchFinder(CandidateSource candidates, TimeProvider clock)
{
    public async Task<(IReadOnlyList<Match> Matches, int Considered)> FindAsync(
        Profile profile, IReadOnlyList<SearchListingsRequest> searches, double maxTravelKm, bool includeInfeasibleTerms,
        int pageSize, Func<MatchContext, ScoredMatch> score, CallOptions options)
    {
        var hits = await candidates.SearchAsync(searches, options);
        var eligible = hits.Where(h => HardFilters.Violation(profile, h.Listing, h.DistanceKm, maxTravelKm, includeInfeasibleTerms) is null).ToArray();
        var slots = await candidates.EarliestSlotsAsync(eligible.Select(h => h.Listing.Id), options);
        var now = clock.GetUtcNow();
        var careTeam = profile.CareTeam.SelectMany(p => p.Modalities).ToHashSet(StringComparer.Ordinal);

        var scored = eligible.Select(h =>
        {
            var slot = slots.TryGetValue(h.Listing.Id, out var s) ? s : (DateTimeOffset?)null;
            return (Hit: h, Slot: slot, Scored: score(new MatchContext(profile, h.Listing, h.DistanceKm, slot, now, careTeam) { MaxTravelKm = maxTravelKm }));
        });
        var ranked = MatchScorer.Rank(scored, x => x.Scored).Take(pageSize).Select((x, i) => ToMatch(x.Hit, x.Slot, x.Scored, i + 1)).ToArray();
        return (ranked, eligible.Length);
    }

    private static Match ToMatch(SearchResult hit, DateTimeOffset? slot, ScoredMatch scored, int rank)
    {
        var match = new Match
        {
            Listing = hit.Listing,
            Score = scored.Score,
            DistanceKm = hit.DistanceKm,
            Rank = rank,
        };
        match.Components.AddRange(scored.Components);
        match.Reasons.AddRange(scored.Reasons);
        if (slot is { } s) match.EarliestSlot = Timestamp.FromDateTimeOffset(s);
        return match;
    }
}

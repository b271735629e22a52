using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using Google.Protobuf.WellKnownTypes;

namespace HealingNetwork.Matching.Api;

/// <summary>
/// Candidates in, ranked and explained matches out: fetch (filters pushed down), re-check the
/// hard filters (each hit comes with its earliest open slot), value every candidate, rank with the id
/// tie-break, and explain the page returned.
/// </summary>
public sealed class MatchFinder(CandidateSource candidates, TimeProvider clock)
{
    public async Task<(IReadOnlyList<Match> Matches, int Considered)> FindAsync(
        Profile profile, IReadOnlyList<SearchListingsRequest> searches, double maxTravelKm, bool includeInfeasibleTerms,
        int pageSize, MatchScorer scorer, Func<string, double> weightOf, CallOptions options)
    {
        var hits = await candidates.SearchAsync(searches, options);
        var eligible = hits.Where(h => HardFilters.Violation(profile, h.Listing, h.DistanceKm, maxTravelKm, includeInfeasibleTerms) is null).ToArray();
        var now = clock.GetUtcNow();
        var careTeam = profile.CareTeam.SelectMany(p => p.Modalities).ToHashSet(StringComparer.Ordinal);
        static DateTimeOffset? SlotOf(SearchResult hit) => hit.EarliestSlot?.StartTime?.ToDateTimeOffset();

        var top = scorer.Top(eligible, h => new MatchContext(profile, h.Listing, h.DistanceKm, SlotOf(h), now, careTeam) { MaxTravelKm = maxTravelKm },
            weightOf, pageSize);
        var ranked = top.Select((x, i) => ToMatch(x.Item, SlotOf(x.Item), x.Scored, i + 1)).ToArray();
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

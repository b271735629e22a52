using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using Google.Protobuf.WellKnownTypes;

namespace HealingNetwork.Matching.Api;

/// <summary>
/// Candidates in, ranked and explained matches out: fetch (filters pushed down), re-check the
/// hard filters, value every candidate, look up earliest open slots for those that could reach the
/// page (<see cref="MatchScorer.TopAsync{T}"/>), rank with the id tie-break, and explain the page returned.
/// </summary>
public sealed class MatchFinder(CandidateSource candidates, TimeProvider clock)
{
    /// <param name="referral">For a referral: the modalities asked for by name and the care team's listings (see <see cref="ReferralScope"/>).</param>
    public async Task<(IReadOnlyList<Match> Matches, int Considered)> FindAsync(
        Profile profile, IReadOnlyList<SearchListingsRequest> searches, double maxTravelKm, bool includeInfeasibleTerms,
        int pageSize, MatchScorer scorer, Func<string, double> weightOf, CallOptions options, ReferralScope? referral = null)
    {
        var hits = await candidates.SearchAsync(searches, options);
        var partners = CarePartnerListings.Of(profile);
        var eligible = hits.Where(h => !partners.Contains(h.Listing.Id)
            && HardFilters.Violation(profile, h.Listing, h.DistanceKm, maxTravelKm, includeInfeasibleTerms, referral?.Requested, h.VisitsYou) is null).ToArray();
        var considered = eligible.Length; // read before the lookup, so no candidate list is kept alive across it (see TopAsync)
        var now = clock.GetUtcNow();
        var careTeam = profile.CareTeam.SelectMany(p => p.Modalities).ToHashSet(StringComparer.Ordinal);

        var top = await scorer.TopAsync(eligible,
            (h, opening) => new MatchContext(profile, h.Listing, h.DistanceKm, opening.Start, now, careTeam)
            {
                MaxTravelKm = maxTravelKm,
                NoOpenSlot = opening.NoneOpen,
                VisitsYou = h.VisitsYou,
                FromSearchedPoint = referral?.FromSearchedPoint ?? false,
            },
            batch => candidates.EarliestSlotsAsync(batch, options), weightOf, pageSize);
        var ranked = top.Select((x, i) => ToMatch(x.Item, x.Slot, x.Scored, i + 1)).ToArray();
        return (ranked, considered);
    }

    private static Match ToMatch(SearchResult hit, EarliestOpening opening, ScoredMatch scored, int rank)
    {
        var match = new Match
        {
            Listing = hit.Listing,
            Score = scored.Score,
            DistanceKm = hit.DistanceKm,
            Rank = rank,
            VisitsYou = hit.VisitsYou,
        };
        match.Components.AddRange(scored.Components);
        match.Reasons.AddRange(scored.Reasons);
        if (opening.Start is { } s) match.EarliestSlot = Timestamp.FromDateTimeOffset(s);
        return match;
    }
}

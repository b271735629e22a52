using System.Globalization;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;

namespace HealingNetwork.Benchmarks.Search;

/// <summary>
/// How many earliest-slot lookups FindMatches makes, in-process and without noise: for 200 bench
/// profiles, the candidate searches run on the index, the hard filters keep the eligible, and
/// <see cref="MatchScorer.TopAsync{T}"/> ranks a page of 20, with each listing's earliest opening
/// a fixed function of its id (60 % open within the 28-day horizon, 20 % none open, 20 % no
/// published hours). Each lookup is a listing whose slots the Directory computes (GetEarliestSlots),
/// each round one call: the part of an uncached match that grows with how tightly scores pack.
/// </summary>
public static class SlotLookups
{
    private const int Profiles = 200;
    private const int Page = 20;

    public static async Task<string> MeasureAsync(LuceneListingIndex index)
    {
        var weights = MatchWeightsResolver.Resolve(null, null);
        var weightOf = MatchWeightsResolver.Lookup(weights);
        var eligible = new List<int>();
        var looked = new List<int>();
        var rounds = new List<int>();
        for (var i = 0; i < Profiles; i++)
        {
            var profile = BenchProfiles.Create(i);
            var maxTravel = CandidateQuery.MaxTravelKm(profile, null);
            var hits = new Dictionary<string, ListingHit>(StringComparer.Ordinal);
            foreach (var request in CandidateQuery.For(profile, null))
            {
                var query = SearchRequestRules.Build(request, ModalityTaxonomy.Default, BenchListings.Now, TimeSpan.FromDays(90));
                foreach (var hit in (await index.SearchAsync(query, CancellationToken.None)).Hits) hits.TryAdd(hit.Listing.Id, hit);
            }
            var candidates = hits.Values
                .Where(h => HardFilters.Violation(profile, h.Listing, h.DistanceKm, maxTravel, false, null, h.VisitsYou) is null).ToArray();
            var careTeam = new HashSet<string>(StringComparer.Ordinal);
            int lookedUp = 0, calls = 0;
            await MatchScorer.Default.TopAsync(candidates,
                (h, opening) => new MatchContext(profile, h.Listing, h.DistanceKm, opening.Start, BenchListings.Now, careTeam)
                {
                    MaxTravelKm = maxTravel, NoOpenSlot = opening.NoneOpen, VisitsYou = h.VisitsYou,
                },
                batch =>
                {
                    calls++;
                    lookedUp += batch.Count;
                    return Task.FromResult<IReadOnlyList<EarliestOpening>>(batch.Select(h => OpeningOf(h.Listing.Id)).ToArray());
                }, weightOf, Page);
            eligible.Add(candidates.Length);
            looked.Add(lookedUp);
            rounds.Add(calls);
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"Slot lookups per FindMatches ({Profiles} bench profiles, page {Page}): {eligible.Average():F1} eligible candidates, " +
            $"{looked.Average():F1} looked up (p95 {Percentile(looked, 0.95)}, max {looked.Max()}), {rounds.Average():F2} GetEarliestSlots calls (max {rounds.Max()}).");
    }

    /// <summary>A fixed opening per listing id (see the class summary).</summary>
    private static EarliestOpening OpeningOf(string id)
    {
        var h = Fnv(id) % 1000; // the same on every run (string.GetHashCode is randomised per process)
        return h switch
        {
            < 600 => EarliestOpening.At(BenchListings.Now.AddHours(h * 28 * 24 / 600.0)),
            < 800 => EarliestOpening.NoneInHorizon,
            _ => EarliestOpening.Unknown,
        };
    }

    private static ulong Fnv(string s)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in s) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    private static int Percentile(List<int> values, double p) => values.Order().ElementAt((int)Math.Ceiling(p * values.Count) - 1);
}

using Google.Protobuf;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.Storage;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Wire;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Identity;
using HealingNetwork.ServiceDefaults.Taxonomy;
using HealingNetwork.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Authorization;

namespace HealingNetwork.Matching.Api;

/// <summary>gRPC surface of matching: read the caller's profile, find, score, explain, cache.</summary>
[Authorize]
[BindServiceMethod(typeof(MatchingApiBinding), nameof(MatchingApiBinding.BindService))]
public sealed class MatchingApi(
    ProfileService.ProfileServiceClient profiles, MatchFinder finder, MatchCache cache, TaxonomyClient taxonomy)
    : MatchingService.MatchingServiceBase
{
    /// <summary>The encoding of <c>cached = true</c>, appended to a cached response.</summary>
    private static readonly byte[] CachedMark = new FindMatchesResponse { Cached = true }.ToByteArray();

    private static readonly IReadOnlySet<string> NoCodes = new HashSet<string>();

    private static readonly CareLayer[] Layers = [CareLayer.Body, CareLayer.Mind, CareLayer.Spirit, CareLayer.Maintenance];

    public override async Task<FindMatchesResponse> FindMatches(FindMatchesRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var v = new Violations();
        RequireProfileId(request.ProfileId, v);
        PageSize(request.PageSize, 100, v);
        if (request.Filters is { } f)
        {
            // The taxonomy is asked for only when there are codes to check (it is cached for minutes).
            var codes = f.Modalities.Count > 0 ? await taxonomy.CodesAsync(context.CancellationToken) : NoCodes;
            MatchFilterRules.Validate(f, codes, v);
        }
        if (request.Weights is { } w) WeightRules.Validate(w, v, "weights");
        v.ThrowIfAny();

        var options = Downstream.Options(context);
        var requestHash = RequestHash.Of(request);
        // A cached answer is found from the profile's stored version and owner, without a call to
        // Profiles: the answer was made from that very version, and the owner check is Profiles' own
        // (only the owner reads a profile). Anything else (no such profile, someone else's, a miss)
        // goes through GetProfile, which also answers NOT_FOUND.
        var lookup = await cache.LookupAsync(request.ProfileId, requestHash);
        // Concatenated encodings of one message type parse as the two merged: the cached answer with cached = true.
        // Someone else's profile never gets its entry decoded.
        if (lookup.Profile?.OwnerId == caller && lookup.Answer(CachedMark) is { } encoding)
        {
            return EncodedResponses.IsGrpc(context)
                ? EncodedResponses.Attach(new FindMatchesResponse(), encoding) // written as is, never parsed here
                : FindMatchesResponse.Parser.ParseFrom(encoding);
        }

        var profile = await profiles.GetProfileAsync(new GetProfileRequest { Id = request.ProfileId }, options);

        var weights = MatchWeightsResolver.Resolve(profile.Weights, request.Weights);
        var maxTravel = CandidateQuery.MaxTravelKm(profile, request.Filters);
        IReadOnlyList<Match> matches;
        int considered;
        try
        {
            (matches, considered) = await finder.FindAsync(profile, CandidateQuery.For(profile, request.Filters, weights), maxTravel,
                request.Filters?.IncludeInfeasibleTerms == true, PageSizeOr(request.PageSize, 20),
                MatchScorer.Default, MatchWeightsResolver.Lookup(weights), options);
        }
        catch (RpcException ex) when (DownstreamValidation.Renamed(ex, "query", "filters.query") is { } refused)
        {
            // Only the Directory's analyzer knows whether the text has words to search for.
            throw refused;
        }
        var response = new FindMatchesResponse { CandidatesConsidered = considered, ProfileVersion = profile.Version, WeightsUsed = weights };
        response.Matches.AddRange(matches);
        var encoded = response.ToByteArray();
        // Tagged with the generations read before the candidates were fetched: a listing, hours or a
        // booking written meanwhile makes it stale at once.
        await cache.SetAsync(profile.Id, requestHash, profile.Version, lookup.Generation, encoded);
        return EncodedResponses.Attach(response, encoded); // serialized once, for the cache and the caller
    }

    public override async Task<FindReferralsResponse> FindReferrals(FindReferralsRequest request, ServerCallContext context)
    {
        context.RequireCaller();
        var v = new Violations();
        RequireProfileId(request.ProfileId, v);
        PageSize(request.PageSize, 50, v);
        if (string.IsNullOrWhiteSpace(request.Specialty)) v.Add("specialty", "is required: a NUCC specialty code or a modality code");
        if (request.Near is { } near) FieldRules.GeoRadius(v, "near", near);
        v.ThrowIfAny();

        var options = Downstream.Options(context);
        var specialty = ReferralSpecialty.Resolve(request.Specialty, await taxonomy.ModalitiesAsync(context.CancellationToken))
            ?? throw new ValidationException("specialty", "unknown specialty or modality code (see ListModalities)");

        var profile = await profiles.GetProfileAsync(new GetProfileRequest { Id = request.ProfileId }, options);
        var searches = ReferralQuery.For(profile, request, specialty);
        var radius = searches[0].Near?.RadiusKm ?? 0; // the searches differ only in the specialty
        var (referrals, _) = await finder.FindAsync(profile, searches, radius, includeInfeasibleTerms: true,
            PageSizeOr(request.PageSize, 10), ReferralScorer.Scorer, ReferralScorer.WeightOf, options, ReferralScope.For(request, specialty));
        var response = new FindReferralsResponse();
        response.Referrals.AddRange(referrals);
        return response;
    }

    public override async Task<SuggestCareTeamResponse> SuggestCareTeam(SuggestCareTeamRequest request, ServerCallContext context)
    {
        context.RequireCaller();
        var v = new Violations();
        RequireProfileId(request.ProfileId, v);
        PageSize(request.CandidatesPerLayer, 10, v, "candidates_per_layer");
        v.ThrowIfAny();

        var options = Downstream.Options(context);
        var profile = await profiles.GetProfileAsync(new GetProfileRequest { Id = request.ProfileId }, options);
        var modalities = await taxonomy.ModalitiesAsync(context.CancellationToken);
        var covered = profile.CareTeam.Select(p => p.Layer).Where(l => l != CareLayer.Unspecified).Distinct().Order().ToArray();
        var weights = MatchWeightsResolver.Resolve(profile.Weights, null);
        var perLayer = PageSizeOr(request.CandidatesPerLayer, 3);

        var missing = Layers.Except(covered).ToArray();
        var suggestions = await Task.WhenAll(missing.Select(async layer =>
        {
            // No group (every modality of the layer avoided) means no search and no candidates.
            var groups = CareTeamPlan.SearchGroupsOf(layer, modalities.Values, profile.AvoidedModalities);
            var searches = groups.SelectMany(group =>
            {
                var filters = new MatchFilters();
                filters.Modalities.AddRange(group);
                return CandidateQuery.For(profile, filters, weights);
            }).ToArray();
            var (candidates, _) = await finder.FindAsync(profile, searches, profile.MaxTravelKm,
                includeInfeasibleTerms: false, perLayer, MatchScorer.Default, MatchWeightsResolver.Lookup(weights), options);
            var reason = groups.Count == 0 ? CareTeamPlan.AllAvoidedReason(layer) : CareTeamPlan.Reason(layer);
            var suggestion = new LayerSuggestion { Layer = layer, Reason = reason };
            suggestion.Candidates.AddRange(candidates);
            return suggestion;
        }));
        var response = new SuggestCareTeamResponse();
        response.Suggestions.AddRange(suggestions);
        response.CoveredLayers.AddRange(covered);
        return response;
    }

    private static void RequireProfileId(string id, Violations v)
    {
        if (string.IsNullOrEmpty(id)) v.Add("profile_id", "is required");
        else if (id.Length > 64) v.Add("profile_id", "is not a profile id");
    }

    private static void PageSize(int value, int max, Violations v, string field = "page_size")
    {
        if (value < 0 || value > max) v.Add(field, $"must be between 0 and {max}");
    }

    private static int PageSizeOr(int value, int fallback) => value == 0 ? fallback : value;
}

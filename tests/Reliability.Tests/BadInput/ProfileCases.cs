using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>Profiles, care partners and matching requests with one bad value at a time.</summary>
public static class ProfileCases
{
    private static readonly double[] BadDoubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1, 1e308];

    private static readonly (string Field, Action<MatchWeights, double> Set)[] Weights =
    [
        ("lifestyle", (w, d) => w.Lifestyle = d), ("modality", (w, d) => w.Modality = d), ("distance", (w, d) => w.Distance = d),
        ("terms", (w, d) => w.Terms = d), ("availability", (w, d) => w.Availability = d), ("approach", (w, d) => w.Approach = d),
    ];

    public static IEnumerable<GrpcCase> All(Seeded s)
    {
        var client = GatewayGrpc.Bearer(s.ProfileOwner);
        foreach (var d in BadDoubles.Concat([91.0]))
        {
            yield return Create($"home.lat = {d}", p => p.Home.Lat = d, client);
            yield return Create($"home.lon = {d}", p => p.Home.Lon = d, client);
            yield return Create($"max_travel_km = {d}", p => p.MaxTravelKm = d, client);
        }
        foreach (var (field, set) in Weights)
            foreach (var d in new[] { double.NaN, double.PositiveInfinity, -0.5, 10.5 })
            {
                yield return Create($"weights.{field} = {d}", p => { p.Weights = new MatchWeights(); set(p.Weights, d); }, client);
                var weights = new MatchWeights();
                set(weights, d);
                yield return GrpcCase.Of($"weights.{field} = {d}", Rpc.Matching, "FindMatches",
                    new FindMatchesRequest { ProfileId = s.Profile.Id, Weights = weights }, client);
            }
        foreach (var e in new[] { 4, 99, -1 })
            yield return Create($"orientation = {e}", p => p.Orientation = (Orientation)e, client);
        yield return Create("story of 100000 chars", p => p.Story = new string('s', 100_000), client);
        yield return Create("story with NUL", p => p.Story = "a\0b", client);
        yield return Create("1000 sought modalities", p => p.SoughtModalities.AddRange(Enumerable.Repeat("naturopathy", 1000)), client);
        yield return Create("sought and avoided", p => p.AvoidedModalities.Add("naturopathy"), client);
        yield return Create("budget.currency 'usd'", p => p.Budget.Currency = "usd", client);
        yield return Create("budget.max_per_session = -1", p => p.Budget.MaxPerSession = -1, client);
        yield return Create("budget.max_per_session = long.MaxValue", p => p.Budget.MaxPerSession = long.MaxValue, client);
        yield return Create("no home and no telehealth", p => { p.Home = null; p.TelehealthOk = false; }, client);
        yield return GrpcCase.Of("profile missing", Rpc.Profiles, "CreateProfile", new CreateProfileRequest(), client);
        foreach (var c in Updates(s, client)) yield return c;
        foreach (var c in Partners(s, client)) yield return c;
        foreach (var c in Matching(s, client)) yield return c;
    }

    private static IEnumerable<GrpcCase> Updates(Seeded s, string client)
    {
        foreach (var path in new[] { "id", "owner_id", "version", "nonexistent", "home.x", "", "*", new string('p', 10_000), "care_team.name" })
            yield return Update($"update_mask '{IdCases.Show(path)}'", s, p => p.DisplayName = "Renamed", [path], client);
        yield return Update("masked max_travel_km NaN", s, p => p.MaxTravelKm = double.NaN, ["max_travel_km"], client);
        foreach (var etag in new[] { "0", "abc", new string('9', 5000) })
            yield return Update($"stale etag '{IdCases.Show(etag)}'", s, p => { p.DisplayName = "Stale"; p.Etag = etag; }, [], client);
        yield return Update("no etag", s, p => p.Etag = "", [], client);
        yield return Update("someone else's profile", s, p => p.DisplayName = "Hijacked", [], GatewayGrpc.Bearer(Seeded.Stranger));
        yield return GrpcCase.Of("profile missing", Rpc.Profiles, "UpdateProfile", new UpdateProfileRequest(), client);
    }

    private static IEnumerable<GrpcCase> Partners(Seeded s, string client)
    {
        CarePartner Valid() => new() { Name = "Ana", Layer = CareLayer.Body, Cadence = Cadence.Regular };
        var bad = new (string, Action<CarePartner>)[]
        {
            ("no name or listing", p => p.Name = ""), ("layer = 99", p => p.Layer = (CareLayer)99), ("cadence = -1", p => p.Cadence = (Cadence)(-1)),
            ("since '2020-13-01'", p => p.Since = "2020-13-01"), ("since in the future", p => p.Since = "2999-01-01"),
            ("name of 10000 chars", p => p.Name = new string('n', 10_000)), ("listing_id of 100 chars", p => p.ListingId = new string('l', 100)),
            ("unknown modality", p => p.Modalities.Add("listing:{x}")), ("1000 modalities", p => p.Modalities.AddRange(Enumerable.Repeat("reiki", 1000))),
        };
        foreach (var (name, change) in bad)
        {
            var partner = Valid();
            change(partner);
            yield return GrpcCase.Of(name, Rpc.Profiles, "AddCarePartner", new AddCarePartnerRequest { ProfileId = s.Profile.Id, Partner = partner }, client);
        }
        yield return GrpcCase.Of("partner missing", Rpc.Profiles, "AddCarePartner", new AddCarePartnerRequest { ProfileId = s.Profile.Id }, client);
        yield return GrpcCase.Of("unknown partner id", Rpc.Profiles, "UpdateCarePartner",
            new UpdateCarePartnerRequest { ProfileId = s.Profile.Id, Partner = new CarePartner { Id = "nope", Name = "x" } }, client);
        yield return GrpcCase.Of("partner id missing", Rpc.Profiles, "UpdateCarePartner", new UpdateCarePartnerRequest { ProfileId = s.Profile.Id }, client);
        yield return GrpcCase.Of("unknown partner id", Rpc.Profiles, "RemoveCarePartner", new RemoveCarePartnerRequest { ProfileId = s.Profile.Id, PartnerId = "../x" }, client);
        yield return GrpcCase.Of("partner id missing", Rpc.Profiles, "RemoveCarePartner", new RemoveCarePartnerRequest { ProfileId = s.Profile.Id }, client);
    }

    private static IEnumerable<GrpcCase> Matching(Seeded s, string client)
    {
        foreach (var d in BadDoubles.Concat([1001.0]))
            yield return GrpcCase.Of($"filters.max_travel_km = {d}", Rpc.Matching, "FindMatches",
                new FindMatchesRequest { ProfileId = s.Profile.Id, Filters = new MatchFilters { MaxTravelKm = d } }, client);
        yield return GrpcCase.Of("1000 filter modalities", Rpc.Matching, "FindMatches",
            new FindMatchesRequest { ProfileId = s.Profile.Id, Filters = new MatchFilters { Modalities = { Enumerable.Range(0, 1000).Select(i => $"m{i}") } } }, client);
        foreach (var specialty in new[] { "", "listing:{x}", "*", new string('s', 10_000), "\0" })
            yield return GrpcCase.Of($"specialty '{IdCases.Show(specialty)}'", Rpc.Matching, "FindReferrals",
                new FindReferralsRequest { ProfileId = s.Profile.Id, Specialty = specialty }, client);
        foreach (var d in new[] { double.NaN, double.PositiveInfinity, -91, 0 })
            yield return GrpcCase.Of($"near {d}", Rpc.Matching, "FindReferrals",
                new FindReferralsRequest { ProfileId = s.Profile.Id, Specialty = "207RC0000X", Near = new GeoRadius { Lat = d, Lon = d, RadiusKm = d } }, client);
        foreach (var n in new[] { -1, 51, int.MaxValue, int.MinValue })
            yield return GrpcCase.Of($"page_size = {n}", Rpc.Matching, "FindReferrals",
                new FindReferralsRequest { ProfileId = s.Profile.Id, Specialty = "207RC0000X", PageSize = n }, client);
        foreach (var n in new[] { -1, 11, int.MaxValue, int.MinValue })
            yield return GrpcCase.Of($"candidates_per_layer = {n}", Rpc.Matching, "SuggestCareTeam",
                new SuggestCareTeamRequest { ProfileId = s.Profile.Id, CandidatesPerLayer = n }, client);
    }

    private static GrpcCase Create(string name, Action<Profile> change, string client)
    {
        var profile = Samples.NatureClient();
        change(profile);
        return GrpcCase.Of(name, Rpc.Profiles, "CreateProfile", new CreateProfileRequest { Profile = profile }, client);
    }

    private static GrpcCase Update(string name, Seeded s, Action<Profile> change, string[] paths, string authorization)
    {
        var profile = s.Profile.Clone();
        change(profile);
        var mask = new FieldMask();
        mask.Paths.AddRange(paths);
        return GrpcCase.Of(name, Rpc.Profiles, "UpdateProfile", new UpdateProfileRequest { Profile = profile, UpdateMask = mask }, authorization);
    }
}

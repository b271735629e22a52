using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Reliability.Tests.Support;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>SearchListings and FindMatches with injection-looking text, odd geo, huge pages and forged page tokens.</summary>
public static class SearchCases
{
    public static IEnumerable<GrpcCase> All(Seeded s)
    {
        foreach (var q in InjectionText.Queries)
        {
            yield return Search($"query '{IdCases.Show(q)}'", r => r.Query = q);
            yield return GrpcCase.Of($"filters.query '{IdCases.Show(q)}'", Rpc.Matching, "FindMatches",
                new FindMatchesRequest { ProfileId = s.Profile.Id, Filters = new MatchFilters { Query = q } }, GatewayGrpc.Bearer(s.ProfileOwner));
        }
        foreach (var (name, bytes) in ProtoBytes.InvalidUtf8)
            yield return GrpcCase.Of($"query with invalid UTF-8 ({name})", Rpc.Directory, "SearchListings",
                ProtoBytes.Append(new SearchListingsRequest { PageSize = 5 }, ProtoBytes.LengthDelimited(1, bytes)), null);
        foreach (var d in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, 91, -91 })
            yield return Search($"near.lat = {d}", r => r.Near = new GeoRadius { Lat = d, Lon = 0, RadiusKm = 10 });
        foreach (var d in new[] { double.NaN, double.PositiveInfinity, -1e308, 181 })
            yield return Search($"near.lon = {d}", r => r.Near = new GeoRadius { Lat = 0, Lon = d, RadiusKm = 10 });
        foreach (var d in new[] { double.NaN, double.PositiveInfinity, 0, -5, 20_001, 1e308, double.Epsilon })
            yield return Search($"near.radius_km = {d}", r => r.Near = new GeoRadius { Lat = 45, Lon = -122, RadiusKm = d });
        foreach (var n in new[] { -1L, long.MinValue })
            yield return Search($"max_fee = {n}", r => { r.MaxFee = n; r.Currency = "USD"; });
        yield return Search("max_fee = long.MaxValue", r => { r.MaxFee = long.MaxValue; r.Currency = "USD"; });
        yield return Search("max_fee without currency", r => r.MaxFee = 5000);
        yield return Search("max_fee with currency 'XXXX'", r => { r.MaxFee = 5000; r.Currency = "XXXX"; });
        foreach (var n in new[] { -1, 101, int.MaxValue, int.MinValue })
        {
            yield return Search($"page_size = {n}", r => r.PageSize = n);
            yield return GrpcCase.Of($"page_size = {n}", Rpc.Matching, "FindMatches",
                new FindMatchesRequest { ProfileId = s.Profile.Id, PageSize = n }, GatewayGrpc.Bearer(s.ProfileOwner));
        }
        foreach (var e in new[] { 3, 99, -1, int.MaxValue })
        {
            yield return Search($"order_by = {e}", r => r.OrderBy = (SearchOrder)e);
            yield return Search($"orientations [{e}]", r => r.Orientations.Add((Orientation)e));
        }
        yield return Search("order_by DISTANCE without near", r => r.OrderBy = SearchOrder.Distance);
        yield return Search("home_visits_only without near", r => r.HomeVisitsOnly = true);
        yield return Search("home_visits_only with telehealth_only", r => { r.HomeVisitsOnly = true; r.TelehealthOnly = true; r.Near = new GeoRadius { Lat = 45, Lon = -122, RadiusKm = 5 }; });
        yield return Search("currency without max_fee", r => r.Currency = "USD");
        yield return Search("max_fee 0 with currency 'usd'", r => { r.MaxFee = 0; r.Currency = "usd"; });
        yield return Search("10000 modalities", r => r.Modalities.AddRange(Enumerable.Range(0, 10_000).Select(i => $"m{i}")));
        yield return Search("1000 orientations", r => r.Orientations.AddRange(Enumerable.Repeat(Orientation.Integrative, 1000)));
        yield return Search("unknown modality", r => r.Modalities.Add("listing:{x}"));
        yield return Search("language 'en;rm -rf'", r => r.Languages.Add("en;rm -rf"));
        yield return Search("lifestyle tag with capitals", r => r.LifestyleTags.Add("Organic Food"));
        foreach (var token in new[] { "abc", "====", "AAAAAAAAAAAAAAAA", new string('A', 10_000), "\0", "../", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "_-_-_-_-_-_-_-_-", "\U0001F600", "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Av____________________________________8" })
            yield return Search($"page_token '{IdCases.Show(token)}'", r => r.PageToken = token);
    }

    private static GrpcCase Search(string name, Action<SearchListingsRequest> change)
    {
        var request = new SearchListingsRequest { PageSize = 5 };
        change(request);
        return GrpcCase.Of(name, Rpc.Directory, "SearchListings", request, null);
    }
}

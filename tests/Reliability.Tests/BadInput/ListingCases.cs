using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>CreateListing and UpdateListing with one field made bad at a time.</summary>
public static class ListingCases
{
    private static readonly (string Field, Action<Listing, string> Set)[] StringFields =
    [
        ("display_name", (l, v) => l.DisplayName = v),
        ("bio", (l, v) => l.Bio = v),
        ("licensure.licence_number", (l, v) => l.Licensure.LicenceNumber = v),
        ("licensure.credential", (l, v) => l.Licensure.Credential = v),
        ("locations[0].city", (l, v) => l.Locations[0].City = v),
        ("locations[0].country", (l, v) => l.Locations[0].Country = v),
        ("locations[0].postal_code", (l, v) => l.Locations[0].PostalCode = v),
        ("time_zone", (l, v) => l.TimeZone = v),
        ("modalities[0]", (l, v) => l.Modalities[0] = v),
        ("specialties[0]", (l, v) => l.Specialties[0] = v),
        ("lifestyle_tags[0]", (l, v) => l.LifestyleTags[0] = v),
        ("languages[0]", (l, v) => l.Languages[0] = v),
        ("terms.currency", (l, v) => l.Terms.Currency = v),
        ("terms.barter_accepted[0]", (l, v) => l.Terms.BarterAccepted[0] = v),
        ("approach.collaborates_with[0]", (l, v) => l.Approach.CollaboratesWith[0] = v),
    ];

    private static readonly string[] BadStrings =
        [new string('x', 5_000), new string('y', 200_000), "\0", "bell\u0007", "\ud800", "listing:{x}", "../../etc/passwd"];

    private static readonly double[] BadDoubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, -1e308];

    public static IEnumerable<GrpcCase> All(Seeded s)
    {
        var owner = GatewayGrpc.Bearer(s.ListingOwner);
        foreach (var (field, set) in StringFields)
            foreach (var value in BadStrings)
                yield return Create($"{field} = '{IdCases.Show(value)}'", l => set(l, value), owner);
        foreach (var c in Numbers(owner)) yield return c;
        foreach (var c in ListsAndEnums(owner)) yield return c;
        foreach (var c in Updates(s, owner)) yield return c;
    }

    private static IEnumerable<GrpcCase> Numbers(string owner)
    {
        foreach (var d in BadDoubles.Concat([91.0, -90.5]))
            yield return Create($"locations[0].lat = {d}", l => l.Locations[0].Lat = d, owner);
        foreach (var d in BadDoubles.Concat([180.5, -181.0]))
            yield return Create($"locations[0].lon = {d}", l => l.Locations[0].Lon = d, owner);
        foreach (var d in BadDoubles.Concat([-1.0, 501.0]))
            yield return Create($"locations[0].service_radius_km = {d}", l => l.Locations[0].ServiceRadiusKm = d, owner);
        foreach (var d in BadDoubles.Concat([-0.1, 1.1]))
            yield return Create($"approach.product_share = {d}", l => l.Approach.ProductShare = d, owner);
        foreach (var i in new[] { -1, 481, int.MinValue, int.MaxValue })
        {
            yield return Create($"approach.intake_minutes = {i}", l => l.Approach.IntakeMinutes = i, owner);
            yield return Create($"approach.typical_trial_weeks = {i}", l => l.Approach.TypicalTrialWeeks = i, owner);
        }
        foreach (var n in new[] { -1L, long.MinValue, long.MaxValue, 100_000_001L })
        {
            yield return Create($"approach.cost_estimate = {n}", l => l.Approach.CostEstimate = n, owner);
            yield return Create($"terms.fee_min = {n}", l => l.Terms.FeeMin = n, owner);
            yield return Create($"terms.fee_max = {n}", l => l.Terms.FeeMax = n, owner);
            yield return Create($"terms.sliding_scale_min = {n}", l => l.Terms.SlidingScaleMin = n, owner);
        }
        yield return Create("fee_max below fee_min", l => l.Terms.FeeMax = 1, owner);
        yield return Create("no location and no telehealth", l => { l.Locations.Clear(); l.Telehealth = false; }, owner);
    }

    private static IEnumerable<GrpcCase> ListsAndEnums(string owner)
    {
        yield return Create("1000 modalities", l => l.Modalities.AddRange(Enumerable.Range(0, 1000).Select(i => $"m{i}")), owner);
        yield return Create("10000 lifestyle tags", l => l.LifestyleTags.AddRange(Enumerable.Range(0, 10_000).Select(i => $"t{i}")), owner);
        yield return Create("1000 locations", l => l.Locations.AddRange(Enumerable.Repeat(l.Locations[0], 1000)), owner);
        yield return Create("500 languages", l => l.Languages.AddRange(Enumerable.Repeat("en", 500)), owner);
        yield return Create("1000 collaborates_with", l => l.Approach.CollaboratesWith.AddRange(Enumerable.Repeat("cardiology", 1000)), owner);
        yield return Create("1000 barter categories", l => l.Terms.BarterAccepted.AddRange(Enumerable.Range(0, 1000).Select(i => $"b{i}")), owner);
        yield return Create("no modalities", l => l.Modalities.Clear(), owner);
        yield return Create("repeated modality", l => l.Modalities.Add("naturopathy"), owner);
        foreach (var e in new[] { 4, 99, -1, int.MaxValue, int.MinValue })
        {
            yield return Create($"orientation = {e}", l => l.Orientation = (Orientation)e, owner);
            yield return Create($"licensure.kind = {e}", l => l.Licensure.Kind = (LicensureKind)e, owner);
        }
        yield return Create("no licensure", l => l.Licensure = null, owner);
        yield return GrpcCase.Of("listing missing", Rpc.Directory, "CreateListing", new CreateListingRequest(), owner);
        foreach (var e in new[] { 8, 99, -1 })
            yield return GrpcCase.Of($"category = {e}", Rpc.Directory, "ListModalities", new ListModalitiesRequest { Category = (ModalityCategory)e }, null);
    }

    private static IEnumerable<GrpcCase> Updates(Seeded s, string owner)
    {
        var paths = new[]
        {
            "id", "etag", "owner_id", "create_time", "stale", "nonexistent", "locations.lat", "", "a..b", new string('p', 10_000),
            "*", "display_name,bio", "DISPLAY_NAME", "approach.nonexistent", "display_name.x",
        };
        foreach (var path in paths)
            yield return Update($"update_mask '{IdCases.Show(path)}'", s, l => l.DisplayName = "Renamed", [path], owner);
        yield return Update("masked display_name emptied", s, l => l.DisplayName = "", ["display_name"], owner);
        yield return Update("masked lat NaN", s, l => l.Locations[0].Lat = double.NaN, ["locations"], owner);
        yield return Update("unmasked replacement without modalities", s, l => l.Modalities.Clear(), [], owner);
        foreach (var etag in new[] { "0", "999999999", "abc", new string('9', 10_000), "-1" })
            yield return Update($"stale etag '{IdCases.Show(etag)}'", s, l => { l.DisplayName = "Stale"; l.Etag = etag; }, [], owner);
        yield return Update("no etag", s, l => l.Etag = "", [], owner);
        yield return Update("someone else's listing", s, l => l.DisplayName = "Hijacked", [], GatewayGrpc.Bearer(Seeded.Stranger));
        yield return GrpcCase.Of("listing missing", Rpc.Directory, "UpdateListing", new UpdateListingRequest(), owner);
        foreach (var etag in new[] { "nope", "0", new string('1', 5000) })
            yield return GrpcCase.Of($"delete with stale etag '{IdCases.Show(etag)}'", Rpc.Directory, "DeleteListing",
                new DeleteListingRequest { Id = s.Listing.Id, Etag = etag }, owner);
    }

    private static GrpcCase Create(string name, Action<Listing> change, string owner)
    {
        var listing = Samples.Naturopath("Corpus probe");
        change(listing);
        return GrpcCase.Of(name, Rpc.Directory, "CreateListing", new CreateListingRequest { Listing = listing }, owner);
    }

    private static GrpcCase Update(string name, Seeded s, Action<Listing> change, string[] paths, string authorization)
    {
        var listing = s.Listing.Clone();
        change(listing);
        var mask = new FieldMask();
        mask.Paths.AddRange(paths);
        return GrpcCase.Of(name, Rpc.Directory, "UpdateListing", new UpdateListingRequest { Listing = listing, UpdateMask = mask }, authorization);
    }
}

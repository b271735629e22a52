using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Tests.Search;

/// <summary>
/// What every search backend must do, identically: filters, geo, text, order, paging, writes
/// and checkpoints. A backend's test class derives from this and supplies <see cref="CreateIndex"/>
/// (built with <see cref="Taxonomy"/>); xunit makes a fresh instance, so a fresh index, per test.
/// </summary>
public abstract class ListingSearchContract : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private IListingSearchIndex? _index;

    /// <summary>The taxonomy backends under test must use, so synonyms are known here.</summary>
    protected static ModalityTaxonomy Taxonomy { get; } = ModalityTaxonomy.FromModalities(
    [
        new Modality { Code = "traditional-chinese-medicine", Name = "Traditional Chinese medicine", Synonyms = { "acupuncture", "TCM" } },
        new Modality { Code = "massage-therapy", Name = "Massage therapy", Synonyms = { "bodywork" } },
        new Modality { Code = "naturopathy", Name = "Naturopathic medicine", Synonyms = { "naturopath" } },
        new Modality { Code = "herbalism", Name = "Western herbalism", Synonyms = { "herbal medicine" } },
    ]);

    protected IListingSearchIndex Index => _index ??= CreateIndex();

    protected abstract IListingSearchIndex CreateIndex();

    public virtual void Dispose()
    {
        (_index as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---- Filters ----

    [Fact]
    public async Task Modality_filter_returns_only_listings_with_that_modality()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b", l => l.Modalities[0] = "herbalism"));

        Assert.Equal(["a"], await Ids(new() { Modalities = ["naturopathy"] }));
    }

    [Fact]
    public async Task Values_within_one_list_are_alternatives()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b", l => l.Modalities[0] = "herbalism"),
            TestListing.Make("c", l => l.Modalities[0] = "massage-therapy"));

        Assert.Equal(["a", "b"], await Ids(new() { Modalities = ["naturopathy", "herbalism"] }));
    }

    [Fact]
    public async Task Different_filters_must_all_hold()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b", l => l.Languages[0] = "es"),
            TestListing.Make("c", l => { l.Modalities[0] = "herbalism"; l.Languages[0] = "es"; }));

        Assert.Equal(["b"], await Ids(new() { Modalities = ["naturopathy"], Languages = ["es"] }));
    }

    [Fact]
    public async Task Excluded_modalities_remove_listings_that_offer_them()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b", l => l.Modalities.Add("herbalism")),
            TestListing.Make("c", l => l.Modalities[0] = "herbalism"));

        Assert.Equal(["a"], await Ids(new() { ExcludeModalities = ["herbalism"] }));
        Assert.Equal(["a", "b"], await Ids(new() { Modalities = ["naturopathy"], ExcludeModalities = ["massage-therapy"] }));
    }

    [Fact]
    public async Task Specialty_filter_matches_codes()
    {
        await Add(TestListing.Make("a", l => l.Specialties.Add("207RC0000X")), TestListing.Make("b"));

        Assert.Equal(["a"], await Ids(new() { Specialties = ["207RC0000X"] }));
    }

    [Fact]
    public async Task Orientation_filter_matches_any_given_orientation()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b", l => l.Orientation = Orientation.Integrative),
            TestListing.Make("c", l => l.Orientation = Orientation.Conventional));

        Assert.Equal(["a", "b"], await Ids(new() { Orientations = [Orientation.NatureOriented, Orientation.Integrative] }));
    }

    [Fact]
    public async Task Lifestyle_tag_filter_matches_tags()
    {
        await Add(TestListing.Make("a", l => l.LifestyleTags.Add("organic-food")), TestListing.Make("b", l => l.LifestyleTags.Add("herbs-first")));

        Assert.Equal(["b"], await Ids(new() { LifestyleTags = ["herbs-first"] }));
    }

    [Fact]
    public async Task Language_filter_ignores_case()
    {
        await Add(TestListing.Make("a", l => l.Languages.Add("pt-BR")), TestListing.Make("b"));

        Assert.Equal(["a"], await Ids(new() { Languages = ["PT-br"] }));
    }

    [Fact]
    public async Task Language_filter_finds_the_same_language_whatever_region_or_script_either_side_wrote()
    {
        await Add(TestListing.Make("br", l => l.Languages[0] = "pt-BR"), TestListing.Make("pt", l => l.Languages[0] = "pt"),
            TestListing.Make("zh", l => l.Languages[0] = "zh-Hant"), TestListing.Make("en"));

        Assert.Equal(["br", "pt"], (await Ids(new() { Languages = ["pt"] })).Order());
        Assert.Equal(["br", "pt"], (await Ids(new() { Languages = ["PT-br"] })).Order());
        Assert.Equal(["br", "pt"], (await Ids(new() { Languages = ["pt-PT"] })).Order());
        Assert.Equal(["zh"], await Ids(new() { Languages = ["zh"] }));
        Assert.Equal(["pt-BR"], (await Index.SearchAsync(new() { Languages = ["pt"] }, None)).Hits.Single(h => h.Listing.Id == "br").Listing.Languages);
    }

    [Fact]
    public async Task Accepting_new_clients_only_hides_full_practices()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b", l => l.AcceptingNewClients = false));

        Assert.Equal(["a"], await Ids(new() { AcceptingNewClientsOnly = true }));
        Assert.Equal(["a", "b"], await Ids(new()));
    }

    [Fact]
    public async Task Telehealth_only_returns_remote_practices()
    {
        await Add(TestListing.Make("a", l => l.Telehealth = true), TestListing.Make("b"));

        Assert.Equal(["a"], await Ids(new() { TelehealthOnly = true }));
    }

    [Fact]
    public async Task Confirmed_since_excludes_stale_listings()
    {
        await Add(TestListing.Make("fresh"),
            TestListing.Make("stale", l => l.LastConfirmedTime = Timestamp.FromDateTimeOffset(TestListing.ConfirmedAt.AddDays(-200))),
            TestListing.Make("never", l => l.LastConfirmedTime = null));

        Assert.Equal(["fresh"], await Ids(new() { ConfirmedSince = TestListing.ConfirmedAt.AddDays(-90) }));
        Assert.Equal(["fresh"], await Ids(new() { ConfirmedSince = TestListing.ConfirmedAt }));
        Assert.Empty(await Ids(new() { ConfirmedSince = TestListing.ConfirmedAt.AddMilliseconds(1) }));
    }

    // ---- Exchange terms ----

    [Fact]
    public async Task Terms_pass_when_any_alternative_holds()
    {
        await Add(
            TestListing.Make("cheap", l => l.Terms.FeeMin = 4_000),
            TestListing.Make("barter", l => l.Terms.BarterAccepted.Add("produce")),
            TestListing.Make("time-bank", l => l.Terms.TimeBank = true),
            TestListing.Make("none"));

        var terms = new TermsFilter(MaxFee: 5_000, Currency: "USD", BarterCategories: ["produce", "carpentry"], TimeBank: true);
        Assert.Equal(["barter", "cheap", "time-bank"], await Ids(new() { Terms = terms }));
        Assert.Equal(["barter"], await Ids(new() { Terms = new TermsFilter(null, null, ["produce"], false) }));
        Assert.Equal(["time-bank"], await Ids(new() { Terms = new TermsFilter(null, null, [], true) }));
    }

    [Fact]
    public async Task Fee_uses_the_sliding_scale_floor_and_the_currency()
    {
        await Add(
            TestListing.Make("sliding", l => l.Terms.SlidingScaleMin = 3_000),
            TestListing.Make("euro", l => { l.Terms.Currency = "EUR"; l.Terms.FeeMin = 2_000; }),
            TestListing.Make("exact", l => l.Terms.FeeMin = 5_000),
            TestListing.Make("dear"));

        Assert.Equal(["exact", "sliding"], await Ids(new() { Terms = new TermsFilter(5_000, "USD", [], false) }));
        Assert.Equal(["euro"], await Ids(new() { Terms = new TermsFilter(5_000, "EUR", [], false) }));
    }

    // ---- Geo ----

    [Fact]
    public async Task Near_keeps_listings_within_the_radius_with_their_exact_distance()
    {
        await Add(
            TestListing.Make("seattle", l => l.Locations.Add(TestListing.At(Places.Seattle.Lat, Places.Seattle.Lon))),
            TestListing.Make("eugene", l => l.Locations.Add(TestListing.At(Places.Eugene.Lat, Places.Eugene.Lon))),
            TestListing.Make("nowhere"));

        var within250 = await Index.SearchAsync(new() { Near = Places.Around(Places.Portland, 250) }, None);
        Assert.Equal(["eugene", "seattle"], within250.Hits.Select(h => h.Listing.Id));
        Assert.Equal(Places.PortlandToEugeneKm, within250.Hits[0].DistanceKm, 1.0);
        Assert.Equal(Places.PortlandToSeattleKm, within250.Hits[1].DistanceKm, 1.0);
        Assert.Equal(["eugene"], await Ids(new() { Near = Places.Around(Places.Portland, 200) }));
    }

    [Fact]
    public async Task Distance_is_to_the_nearest_of_several_locations()
    {
        await Add(TestListing.Make("two-offices", l =>
        {
            l.Locations.Add(TestListing.At(Places.Seattle.Lat, Places.Seattle.Lon));
            l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon));
        }));

        var page = await Index.SearchAsync(new() { Near = Places.Around(Places.Portland, 50) }, None);
        Assert.Equal(Places.PortlandToVancouverWaKm, Assert.Single(page.Hits).DistanceKm, 1.0);
    }

    [Fact]
    public async Task Include_telehealth_adds_remote_listings_with_their_real_distance_last_when_unknown()
    {
        await Add(
            TestListing.Make("local", l => l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon))),
            TestListing.Make("remote-far", l => { l.Telehealth = true; l.Locations.Add(TestListing.At(Places.NewYork.Lat, Places.NewYork.Lon)); }),
            TestListing.Make("remote-anywhere", l => l.Telehealth = true),
            TestListing.Make("far", l => l.Locations.Add(TestListing.At(Places.London.Lat, Places.London.Lon))));

        var page = await Index.SearchAsync(new() { Near = Places.Around(Places.Portland, 50), IncludeTelehealth = true }, None);

        Assert.Equal(["local", "remote-far", "remote-anywhere"], page.Hits.Select(h => h.Listing.Id));
        Assert.Equal(3, page.TotalSize);
        Assert.True(page.Hits[1].DistanceKm > 3_000);
        Assert.Equal(-1, page.Hits[2].DistanceKm);
        Assert.Equal(["local"], await Ids(new() { Near = Places.Around(Places.Portland, 50) }));
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, true)]
    [InlineData(2, 0, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 0, true)]
    [InlineData(5, 0, true)]
    [InlineData(2, 4, true)]
    [InlineData(1, 0, false)]
    [InlineData(2, 0, false)]
    [InlineData(2, 1, false)]
    [InlineData(4, 0, false)]
    public async Task Skipping_the_exact_total_gives_the_same_page_in_the_same_order(int pageSize, int offset, bool includeTelehealth)
    {
        // 0, 11 and 14 km from the centre, so a sixteenth (3 km) and a quarter (12.5 km) of the radius each hold some.
        await Add(
            TestListing.Make("local-a", l => l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon))),
            TestListing.Make("local-b", l => { l.Telehealth = true; l.Locations.Add(TestListing.At(Places.Portland.Lat, Places.Portland.Lon)); }),
            TestListing.Make("local-c", l => l.Locations.Add(TestListing.At(Places.Portland.Lat + 0.1, Places.Portland.Lon))),
            TestListing.Make("remote-far", l => { l.Telehealth = true; l.Locations.Add(TestListing.At(Places.NewYork.Lat, Places.NewYork.Lon)); }),
            TestListing.Make("remote-anywhere", l => l.Telehealth = true),
            TestListing.Make("far", l => l.Locations.Add(TestListing.At(Places.London.Lat, Places.London.Lon))));
        var query = new ListingSearchQuery
        {
            Near = Places.Around(Places.Portland, 50), IncludeTelehealth = includeTelehealth, Sort = SearchSort.Distance, Limit = pageSize, Offset = offset,
        };

        var exact = await Index.SearchAsync(query, None);
        var pageOnly = await Index.SearchAsync(query with { SkipExactTotal = true }, None);

        Assert.Equal(exact.Hits.Select(h => h.Listing.Id), pageOnly.Hits.Select(h => h.Listing.Id));
        Assert.Equal(exact.Hits.Select(h => h.DistanceKm), pageOnly.Hits.Select(h => h.DistanceKm));
        Assert.Equal(includeTelehealth ? 5 : 3, exact.TotalSize);
        Assert.False(exact.TotalIsLowerBound);
        if (pageOnly.TotalIsLowerBound) Assert.InRange(pageOnly.TotalSize, offset + pageOnly.Hits.Count, exact.TotalSize);
        else Assert.Equal(exact.TotalSize, pageOnly.TotalSize);
    }

    [Fact]
    public async Task Practitioners_who_visit_the_centre_are_found_beyond_the_radius_and_say_so()
    {
        // About 40 km north of Portland; the visiting one travels 50 km, the other only 30.
        var north = Places.Portland.Lat + 0.36;
        await Add(
            TestListing.Make("in-town", l => l.Locations.Add(TestListing.At(Places.Portland.Lat + 0.01, Places.Portland.Lon))),
            TestListing.Make("comes-to-you", l => l.Locations.Add(new Location { Lat = north, Lon = Places.Portland.Lon, ServiceRadiusKm = 50 })),
            TestListing.Make("stays-home", l => l.Locations.Add(new Location { Lat = north, Lon = Places.Portland.Lon, ServiceRadiusKm = 30 })),
            TestListing.Make("no-visits", l => l.Locations.Add(TestListing.At(north, Places.Portland.Lon))));
        var query = new ListingSearchQuery { Near = Places.Around(Places.Portland, 10), Sort = SearchSort.Distance };

        var all = await Index.SearchAsync(query, None);
        var visitsOnly = await Index.SearchAsync(query with { HomeVisits = HomeVisits.Only }, None);
        var radiusOnly = await Index.SearchAsync(query with { HomeVisits = HomeVisits.Exclude }, None);
        var pageOnly = await Index.SearchAsync(query with { SkipExactTotal = true, Limit = 1 }, None);

        Assert.Equal(["in-town", "comes-to-you"], all.Hits.Select(h => h.Listing.Id));
        Assert.Equal([false, true], all.Hits.Select(h => h.VisitsYou));
        Assert.InRange(all.Hits[1].DistanceKm, 39, 41);
        Assert.Equal(["comes-to-you"], visitsOnly.Hits.Select(h => h.Listing.Id));
        Assert.Equal(["in-town"], radiusOnly.Hits.Select(h => h.Listing.Id));
        Assert.Equal(["in-town"], pageOnly.Hits.Select(h => h.Listing.Id));
        Assert.NotNull(pageOnly.Next);
    }

    [Fact]
    public async Task A_practitioner_in_the_radius_who_also_visits_is_marked_as_visiting()
    {
        await Add(TestListing.Make("both", l => l.Locations.Add(new Location { Lat = Places.Portland.Lat + 0.01, Lon = Places.Portland.Lon, ServiceRadiusKm = 5 })));
        var query = new ListingSearchQuery { Near = Places.Around(Places.Portland, 50), Sort = SearchSort.Distance, SkipExactTotal = true, Limit = 1 };

        // The narrower radius tried first (which leaves out home visits from beyond it) must report it the same.
        Assert.True(Assert.Single((await Index.SearchAsync(query, None)).Hits).VisitsYou);
        Assert.True(Assert.Single((await Index.SearchAsync(query with { SkipExactTotal = false }, None)).Hits).VisitsYou);
    }

    [Fact]
    public async Task Near_reaches_across_the_antimeridian()
    {
        await Add(
            TestListing.Make("east", l => l.Locations.Add(TestListing.At(-17.0, -179.99))),
            TestListing.Make("west", l => l.Locations.Add(TestListing.At(-17.0, 179.8))),
            TestListing.Make("far", l => l.Locations.Add(TestListing.At(-17.0, 170.0))));

        var page = await Index.SearchAsync(new() { Near = new GeoFilter(-17.0, 179.95, 50), Sort = SearchSort.Distance }, None);

        Assert.Equal(["east", "west"], page.Hits.Select(h => h.Listing.Id));
        Assert.Equal(6.38, page.Hits[0].DistanceKm, 1.0);
        Assert.Equal(15.95, page.Hits[1].DistanceKm, 1.0);
    }

    [Fact]
    public async Task Near_a_pole_finds_listings_on_the_far_side()
    {
        await Add(TestListing.Make("across", l => l.Locations.Add(TestListing.At(89.9, 180))), TestListing.Make("below", l => l.Locations.Add(TestListing.At(80, 0))));

        var page = await Index.SearchAsync(new() { Near = new GeoFilter(89.9, 0, 30) }, None);

        Assert.Equal(22.24, Assert.Single(page.Hits).DistanceKm, 1.0);
    }

    [Fact]
    public async Task Distance_sort_orders_by_distance_then_id()
    {
        await Add(
            TestListing.Make("b-seattle", l => l.Locations.Add(TestListing.At(Places.Seattle.Lat, Places.Seattle.Lon))),
            TestListing.Make("a-seattle", l => l.Locations.Add(TestListing.At(Places.Seattle.Lat, Places.Seattle.Lon))),
            TestListing.Make("z-vancouver", l => l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon))));

        Assert.Equal(["z-vancouver", "a-seattle", "b-seattle"], await Ids(new() { Near = Places.Around(Places.Portland, 300), Sort = SearchSort.Distance }));
        Assert.Equal(["a-seattle", "b-seattle", "z-vancouver"], await Ids(new() { Near = Places.Around(Places.Portland, 300), Sort = SearchSort.Id }));
    }

    // ---- Text ----

    [Fact]
    public async Task A_name_match_ranks_above_a_bio_match()
    {
        await Add(
            TestListing.Make("a", l => l.Bio = "I trained with a wonderful herbalist named Juniper."),
            TestListing.Make("b", l => l.DisplayName = "Juniper Hollow Clinic"),
            TestListing.Make("c"));

        var page = await Index.SearchAsync(new() { Text = "juniper" }, None);

        Assert.Equal(["b", "a"], page.Hits.Select(h => h.Listing.Id));
        Assert.True(page.Hits[0].Relevance > page.Hits[1].Relevance);
        Assert.True(page.Hits[1].Relevance > 0);
    }

    [Fact]
    public async Task Text_matches_other_forms_of_a_word()
    {
        await Add(TestListing.Make("a", l => l.Bio = "Deep tissue massage for athletes."), TestListing.Make("b"));

        Assert.Equal(["a"], await Ids(new() { Text = "massages" }));
    }

    [Fact]
    public async Task Text_matches_names_whatever_accents_either_side_wrote()
    {
        await Add(TestListing.Make("jose", l => l.DisplayName = "José Cortez"), TestListing.Make("muller", l => l.DisplayName = "Anna Müller"),
            TestListing.Make("vitoria", l => l.Bio = "Sessions in Vitória."), TestListing.Make("other"));

        Assert.Equal(["jose"], await Ids(new() { Text = "Jose" }));
        Assert.Equal(["jose"], await Ids(new() { Text = "José" }));
        Assert.Equal(["muller"], await Ids(new() { Text = "muller" }));
        Assert.Equal(["vitoria"], await Ids(new() { Text = "VITORIA" }));
    }

    [Fact]
    public async Task Text_written_with_its_accents_ranks_the_same_spelling_first()
    {
        await Add(TestListing.Make("plain", l => l.DisplayName = "Jose Ruiz"), TestListing.Make("accented", l => l.DisplayName = "José Ruiz"));

        Assert.Equal(["accented", "plain"], await Ids(new() { Text = "José" }));
    }

    [Fact]
    public async Task Text_matches_taxonomy_names_and_synonyms_of_a_modality()
    {
        await Add(TestListing.Make("tcm", l => l.Modalities[0] = "traditional-chinese-medicine"), TestListing.Make("other"));

        Assert.Equal(["tcm"], await Ids(new() { Text = "acupuncture" }));
        Assert.Equal(["tcm"], await Ids(new() { Text = "Chinese" }));
    }

    [Fact]
    public async Task Text_matches_the_words_of_a_modality_code()
    {
        await Add(TestListing.Make("unknown-code", l => l.Modalities[0] = "sound-healing"), TestListing.Make("other"));

        Assert.Equal(["unknown-code"], await Ids(new() { Text = "sound" }));
    }

    [Theory]
    [InlineData("a:b OR (*")]
    [InlineData("\\")]
    [InlineData("\"unbalanced")]
    [InlineData("title:[a TO z] AND -bio:*~2^3")]
    [InlineData("redis.call('FLUSHALL') -- ]] local x = KEYS[1]")]
    [InlineData("*:*")]
    [InlineData("{\"query\":{\"match_all\":{}}}")]
    [InlineData("\0\u200b\ud83d\ude00 \uffff")]
    public async Task Query_syntax_in_text_is_searched_as_words(string text)
    {
        await Add(TestListing.Make("a"), TestListing.Make("b", l => l.Bio = "local herbs"));

        var page = await Index.SearchAsync(new() { Text = text }, None);

        Assert.True(page.TotalSize <= 2);
        Assert.All(page.Hits, h => Assert.NotNull(h.Listing));
    }

    [Fact]
    public async Task Text_of_only_stop_words_is_treated_as_no_text()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b"));

        var page = await Index.SearchAsync(new() { Text = "the and of" }, None);

        Assert.Equal(["a", "b"], page.Hits.Select(h => h.Listing.Id));
        Assert.All(page.Hits, h => Assert.Equal(0, h.Relevance));
    }

    [Fact]
    public async Task Text_geo_and_terms_combine()
    {
        await Add(
            TestListing.Make("match", l => { l.Bio = "Herbal consultations"; l.Terms.BarterAccepted.Add("produce"); l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon)); }),
            TestListing.Make("no-barter", l => { l.Bio = "Herbal consultations"; l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon)); }),
            TestListing.Make("too-far", l => { l.Bio = "Herbal consultations"; l.Terms.BarterAccepted.Add("produce"); l.Locations.Add(TestListing.At(Places.Seattle.Lat, Places.Seattle.Lon)); }),
            TestListing.Make("no-text", l => { l.Terms.BarterAccepted.Add("produce"); l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon)); }));

        var page = await Index.SearchAsync(new()
        {
            Text = "herbal", Near = Places.Around(Places.Portland, 100), Terms = new TermsFilter(null, null, ["produce"], false),
        }, None);

        var hit = Assert.Single(page.Hits);
        Assert.Equal("match", hit.Listing.Id);
        Assert.Equal(1, page.TotalSize);
        Assert.True(hit.Relevance > 0);
    }

    // ---- Order and paging ----

    [Fact]
    public async Task Ties_break_by_id_in_ordinal_order()
    {
        await Add(new[] { "b", "B", "a", "a1" }.Select(id => TestListing.Make(id, l => l.DisplayName = "Practitioner")).ToArray());

        Assert.Equal(["B", "a", "a1", "b"], await Ids(new()));
        Assert.Equal(["B", "a", "a1", "b"], await Ids(new() { Text = "practitioner" }));
    }

    [Fact]
    public async Task Pages_cover_every_match_once_with_a_stable_total()
    {
        await AddMassageStreet();

        foreach (var query in new ListingSearchQuery[]
        {
            new() { Text = "massage" },
            new() { Near = Places.Around(Places.Portland, 100) },
            new() { Text = "massage", Near = Places.Around(Places.Portland, 100) },
        })
        {
            var seen = new List<string>();
            for (var offset = 0; offset < 30; offset += 5)
            {
                var page = await Index.SearchAsync(query with { Offset = offset, Limit = 5 }, None);
                Assert.Equal(23, page.TotalSize);
                seen.AddRange(page.Hits.Select(h => h.Listing.Id));
            }

            var all = await Index.SearchAsync(query with { Limit = 100 }, None);
            Assert.Equal(all.Hits.Select(h => h.Listing.Id), seen);
            Assert.Equal(23, seen.Distinct().Count());
        }
    }

    [Fact]
    public async Task Paging_by_cursor_holds_its_place_while_other_listings_are_written()
    {
        await AddMassageStreet();

        var round = 0;
        foreach (var query in new ListingSearchQuery[]
        {
            new() { Text = "massage" },
            new() { Near = Places.Around(Places.Portland, 100) },
            new() { Text = "massage", Near = Places.Around(Places.Portland, 100) },
            new() { Near = Places.Around(Places.Portland, 100), Sort = SearchSort.Preference, Preferences = [new(PreferenceKind.LifestyleTag, ["organic-food"], 1f)] },
        })
        {
            var all = (await Index.SearchAsync(query with { Limit = 100 }, None)).Hits.Select(h => h.Listing.Id).ToArray();
            var seen = new List<string>();
            var page = await Index.SearchAsync(query with { Limit = 5 }, None);
            seen.AddRange(page.Hits.Select(h => h.Listing.Id));
            while (page.Next is { } next)
            {
                // Listings that match nothing here, far away: every text score moves (term statistics), no result does.
                await Add(TestListing.Make($"elsewhere-{round++:D2}", l => { l.Bio = "reiki"; l.Locations.Add(TestListing.At(Places.London.Lat, Places.London.Lon)); }));
                page = await Index.SearchAsync(query with { Limit = 5, After = next }, None);
                seen.AddRange(page.Hits.Select(h => h.Listing.Id));
            }

            Assert.Equal(all, seen);
        }
    }

    [Fact]
    public async Task A_cursor_whose_listing_is_gone_starts_at_its_position()
    {
        await Add(Enumerable.Range(0, 12).Select(i => TestListing.Make($"l{i:D2}", l => l.Bio = new string('x', i) + " massage")).ToArray());
        var query = new ListingSearchQuery { Text = "massage", Limit = 4 };
        var first = await Index.SearchAsync(query, None);

        await Index.DeleteAsync([first.Hits[^1].Listing.Id], None);
        var remaining = (await Index.SearchAsync(query with { Limit = 100 }, None)).Hits.Select(h => h.Listing.Id).ToArray();
        var second = await Index.SearchAsync(query with { After = first.Next }, None);

        // Its score cannot be taken again, so the page is the fifth to eighth of the listings there are now.
        Assert.Equal(4, first.Next!.Position);
        Assert.Equal(remaining.Skip(4).Take(4), second.Hits.Select(h => h.Listing.Id));
        Assert.Equal(8, second.Next!.Position);
    }

    // ---- Writes and checkpoints ----

    [Fact]
    public async Task Hits_return_the_listing_as_indexed()
    {
        var listing = TestListing.Make("a", l => { l.Bio = "Full story"; l.Locations.Add(TestListing.At(1, 2, "Somewhere")); });
        await Add(listing);

        Assert.Equal(listing, Assert.Single((await Index.SearchAsync(new(), None)).Hits).Listing);
    }

    [Fact]
    public async Task Upsert_replaces_the_listing_with_the_same_id()
    {
        await Add(TestListing.Make("a", l => l.Bio = "old words"));
        await Add(TestListing.Make("a", l => l.Bio = "new words"));

        Assert.Equal(1, await Index.CountAsync(None));
        Assert.Empty(await Ids(new() { Text = "old" }));
        Assert.Equal(["a"], await Ids(new() { Text = "new" }));
    }

    [Fact]
    public async Task Delete_removes_listings_and_ignores_unknown_ids()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b"));

        await Index.DeleteAsync(["a", "unknown"], None);

        Assert.Equal(["b"], await Ids(new()));
        Assert.Equal(1, await Index.CountAsync(None));
    }

    [Fact]
    public async Task Checkpoint_round_trips()
    {
        Assert.Null(await Index.GetCheckpointAsync(None));
        await Add(TestListing.Make("a"));

        await Index.SetCheckpointAsync("1718000000000-0", None);
        Assert.Equal("1718000000000-0", await Index.GetCheckpointAsync(None));

        await Index.SetCheckpointAsync("1718000000001-3", None);
        Assert.Equal("1718000000001-3", await Index.GetCheckpointAsync(None));
    }

    [Fact]
    public async Task Clear_removes_every_listing_and_the_checkpoint()
    {
        await Add(TestListing.Make("a"), TestListing.Make("b"));
        await Index.SetCheckpointAsync("42-0", None);

        await Index.ClearAsync(None);

        Assert.Equal(0, await Index.CountAsync(None));
        Assert.Empty(await Ids(new()));
        Assert.Null(await Index.GetCheckpointAsync(None));
    }

    // ---- Preferences ----

    private static readonly Preference[] OrganicSharedIntegrative =
    [
        new(PreferenceKind.LifestyleTag, ["organic-food"], 2f),
        new(PreferenceKind.Approach, [ApproachSignals.SharedDecisions], 1f),
        new(PreferenceKind.Orientation, [nameof(Orientation.Integrative)], 1.5f),
    ];

    [Fact]
    public async Task Preference_order_ranks_the_listing_meeting_more_preferences_first_even_when_farther()
    {
        await Add(
            TestListing.Make("a-near", l => l.Locations.Add(TestListing.At(Places.VancouverWa.Lat, Places.VancouverWa.Lon))),
            TestListing.Make("b-mid", l => { l.Locations.Add(TestListing.At(Places.Eugene.Lat, Places.Eugene.Lon)); l.LifestyleTags.Add("organic-food"); }),
            TestListing.Make("c-far", l => l.Locations.Add(TestListing.At(Places.Seattle.Lat, Places.Seattle.Lon))),
            TestListing.Make("z-far-best", l =>
            {
                l.Locations.Add(TestListing.At(Places.Seattle.Lat, Places.Seattle.Lon));
                l.LifestyleTags.Add("organic-food");
                l.Orientation = Orientation.Integrative;
                l.Approach = new Approach { SharedDecisions = true };
            }));

        var page = await Index.SearchAsync(new ListingSearchQuery
        {
            Near = Places.Around(Places.Portland, 300), Sort = SearchSort.Preference, Preferences = OrganicSharedIntegrative, Limit = 10,
        }, None);

        // 2 + 1 + 1.5, then 2, then the two meeting none by distance.
        Assert.Equal(["z-far-best", "b-mid", "a-near", "c-far"], page.Hits.Select(h => h.Listing.Id));
        Assert.Equal([4.5, 2, 0, 0], page.Hits.Select(h => Math.Round(h.Relevance, 4)));
    }

    [Fact]
    public async Task Preference_order_without_near_breaks_ties_by_id_and_text_only_restricts()
    {
        await Add(
            TestListing.Make("a", l => l.Approach = new Approach { SharedDecisions = true }),
            TestListing.Make("b", l => l.Bio = "Massage in a quiet room."),
            TestListing.Make("c", l => l.Bio = "Massage, massage, massage."),
            TestListing.Make("z", l => { l.LifestyleTags.Add("organic-food"); l.Bio = "Massage."; l.Approach = new Approach { SharedDecisions = true }; }));

        Assert.Equal(["z", "a", "b", "c"], await Ids(new() { Sort = SearchSort.Preference, Preferences = OrganicSharedIntegrative }));
        Assert.Equal(["z", "b", "c"], await Ids(new() { Text = "massage", Sort = SearchSort.Preference, Preferences = OrganicSharedIntegrative }));
        Assert.Equal(["a", "b", "c", "z"], await Ids(new() { Sort = SearchSort.Preference }));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 5)]
    public async Task A_preference_page_near_a_point_with_telehealth_is_that_window_of_the_whole_ranking(int limit, int offset)
    {
        var places = new[] { Places.VancouverWa, Places.Eugene, Places.Seattle, Places.NewYork, Places.London };
        await Add(Enumerable.Range(0, 15).Select(i => TestListing.Make($"l{i:D2}", l =>
        {
            var (lat, lon) = places[i % places.Length];
            l.Locations.Add(TestListing.At(lat, lon));
            l.Telehealth = i % 3 != 0;
            if (i % 2 == 0) l.LifestyleTags.Add("organic-food");
            if (i % 4 == 1) l.Orientation = Orientation.Integrative;
            if (i % 5 == 2) l.Approach = new Approach { SharedDecisions = true };
        })).ToArray());
        var query = new ListingSearchQuery
        {
            Near = Places.Around(Places.Portland, 200), IncludeTelehealth = true, Sort = SearchSort.Preference,
            Preferences = OrganicSharedIntegrative, SkipExactTotal = true,
        };

        var whole = await Ids(query);
        var page = await Index.SearchAsync(query with { Limit = limit, Offset = offset }, None);

        Assert.Equal(whole.Skip(offset).Take(limit), page.Hits.Select(h => h.Listing.Id));
        Assert.True(page.TotalSize == whole.Length || (page.TotalIsLowerBound && page.TotalSize <= whole.Length));
    }

    [Fact]
    public async Task Preferences_never_exclude_a_listing_the_filters_let_through()
    {
        await Add(
            TestListing.Make("none", l => l.Telehealth = true),
            TestListing.Make("tag", l => { l.Telehealth = true; l.LifestyleTags.Add("organic-food"); }),
            TestListing.Make("modality", l => { l.Telehealth = true; l.Modalities[0] = "herbalism"; }),
            TestListing.Make("in-person", l => l.LifestyleTags.Add("organic-food")));
        Preference[] prefer =
        [
            new(PreferenceKind.LifestyleTag, ["organic-food"], 1f),
            new(PreferenceKind.Modality, ["herbalism", "massage-therapy"], 3f),
            new(PreferenceKind.Approach, [ApproachSignals.InformsOfOptions], 1f),
            new(PreferenceKind.Orientation, [nameof(Orientation.Conventional)], 1f),
        ];

        var filtered = new ListingSearchQuery { TelehealthOnly = true };
        var unordered = await Ids(filtered with { Sort = SearchSort.Id });
        var ranked = await Ids(filtered with { Sort = SearchSort.Preference, Preferences = prefer });

        Assert.Equal(["modality", "none", "tag"], unordered);
        Assert.Equal(["modality", "tag", "none"], ranked);
        Assert.Equal(4, (await Index.SearchAsync(new ListingSearchQuery { Sort = SearchSort.Preference, Preferences = prefer, Limit = 1 }, None)).TotalSize);
    }

    protected Task Add(params Listing[] listings) => Index.UpsertAsync(listings, None);

    /// <summary>23 massage listings a kilometre apart going north from Portland, a third of them saying "massage" twice (so scores differ).</summary>
    private Task AddMassageStreet() => Add(Enumerable.Range(0, 23).Select(i => TestListing.Make($"l{i:D2}", l =>
    {
        l.Bio = i % 3 == 0 ? "massage massage" : "massage";
        l.Locations.Add(TestListing.At(Places.Portland.Lat + i * 0.01, Places.Portland.Lon));
    })).ToArray());

    protected async Task<string[]> Ids(ListingSearchQuery query) =>
        (await Index.SearchAsync(query with { Limit = 1_000 }, None)).Hits.Select(h => h.Listing.Id).ToArray();
}

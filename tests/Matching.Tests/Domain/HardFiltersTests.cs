using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class HardFiltersTests
{
    private static readonly IReadOnlySet<string> Chiropractic = new HashSet<string> { "chiropractic" };

    private static string? Check(Profile profile, Listing listing, double distanceKm = 2, bool includeInfeasible = false) =>
        HardFilters.Violation(profile, listing, distanceKm, profile.MaxTravelKm, includeInfeasible);

    [Fact]
    public void A_nearby_affordable_naturopath_passes_every_rule()
    {
        Assert.Null(Check(Samples.NatureClient(), Samples.Naturopath()));
    }

    [Fact]
    public void A_listing_offering_an_avoided_modality_is_excluded()
    {
        var profile = Samples.NatureClient();
        profile.AvoidedModalities.Add("massage-therapy");
        var listing = Samples.Naturopath();
        listing.Modalities.Add("massage-therapy");

        Assert.Equal("offers an avoided modality", Check(profile, listing));
    }

    [Fact]
    public void An_avoided_modality_the_client_asks_for_by_name_is_allowed_but_no_other_avoided_one()
    {
        var profile = Samples.NatureClient();
        profile.AvoidedModalities.Add("chiropractic");
        profile.AvoidedModalities.Add("massage-therapy");
        var chiropractor = Samples.Naturopath();
        chiropractor.Modalities.Clear();
        chiropractor.Modalities.Add("chiropractic");
        var alsoMassage = chiropractor.Clone();
        alsoMassage.Modalities.Add("massage-therapy");

        Assert.Null(HardFilters.Violation(profile, chiropractor, 2, profile.MaxTravelKm, false, requested: Chiropractic));
        Assert.Equal("offers an avoided modality", HardFilters.Violation(profile, alsoMassage, 2, profile.MaxTravelKm, false, requested: Chiropractic));
        Assert.Equal("offers an avoided modality", Check(profile, chiropractor)); // asked for nothing by name
    }

    [Fact]
    public void Only_working_alongside_an_avoided_modality_is_allowed()
    {
        var profile = Samples.NatureClient();
        profile.AvoidedModalities.Add("massage-therapy");

        Assert.Null(Check(profile, Samples.Naturopath()));
    }

    [Fact]
    public void A_practice_not_accepting_new_clients_is_excluded()
    {
        var listing = Samples.Naturopath();
        listing.AcceptingNewClients = false;

        Assert.Equal("not accepting new clients", Check(Samples.NatureClient(), listing));
    }

    [Fact]
    public void Beyond_travel_range_passes_only_with_telehealth_on_both_sides()
    {
        var profile = Samples.NatureClient();
        var listing = Samples.Naturopath();
        Assert.Null(Check(profile, listing, distanceKm: 200));

        profile.TelehealthOk = false;
        Assert.Equal("out of travel range", Check(profile, listing, distanceKm: 200));

        profile.TelehealthOk = true;
        listing.Telehealth = false;
        Assert.Equal("out of travel range", Check(profile, listing, distanceKm: 200));
        Assert.Equal("out of travel range", Check(profile, listing, distanceKm: -1));
    }

    [Fact]
    public void Exactly_at_the_travel_limit_is_within_reach()
    {
        var listing = Samples.Naturopath();
        listing.Telehealth = false;

        Assert.Null(Check(Samples.NatureClient(), listing, distanceKm: 25));
    }

    [Fact]
    public void No_shared_language_is_excluded_and_languages_compare_without_case()
    {
        var profile = Samples.NatureClient();
        profile.Languages.Clear();
        profile.Languages.Add("es");
        Assert.Equal("no shared language", Check(profile, Samples.Naturopath()));

        profile.Languages.Add("EN");
        Assert.Null(Check(profile, Samples.Naturopath()));
    }

    [Theory]
    [InlineData("pt-BR", "pt")]
    [InlineData("pt", "pt-BR")]
    [InlineData("pt-PT", "pt-BR")]
    [InlineData("zh", "zh-Hant")]
    public void A_language_is_shared_whatever_region_or_script_either_side_wrote(string client, string practitioner)
    {
        var profile = Samples.NatureClient();
        profile.Languages.Clear();
        profile.Languages.Add(client);
        var listing = Samples.Naturopath();
        listing.Languages.Clear();
        listing.Languages.Add(practitioner);

        Assert.Null(Check(profile, listing));
    }

    [Fact]
    public void A_client_who_named_no_language_is_not_filtered_by_language()
    {
        var profile = Samples.NatureClient();
        profile.Languages.Clear();

        Assert.Null(Check(profile, Samples.Naturopath()));
    }

    [Fact]
    public void Terms_the_client_cannot_meet_are_excluded_unless_they_ask_to_see_all()
    {
        var profile = Samples.NatureClient();
        profile.Budget.MaxPerSession = 3000;
        profile.BarterOffers.Clear();

        Assert.Equal("terms the client cannot meet", Check(profile, Samples.Naturopath()));
        Assert.Null(Check(profile, Samples.Naturopath(), includeInfeasible: true));
    }

    [Theory]
    [InlineData(5000L, new string[0], false, true)]   // sliding scale floor $40 within $50
    [InlineData(3000L, new string[0], false, false)]  // below the floor, nothing else offered
    [InlineData(0L, new[] { "produce" }, false, true)] // barter accepted
    [InlineData(0L, new[] { "carpentry" }, false, false)]
    [InlineData(0L, new string[0], true, false)]      // listing has no time bank
    [InlineData(0L, new string[0], false, true)]      // gave nothing: not filtered
    public void Terms_are_feasible_when_some_way_to_give_works(long budget, string[] barter, bool timeBank, bool feasible)
    {
        var profile = Samples.NatureClient();
        profile.Budget = budget > 0 ? new Budget { Currency = "USD", MaxPerSession = budget } : null;
        profile.BarterOffers.Clear();
        profile.BarterOffers.AddRange(barter);
        profile.TimeBankHours = timeBank;

        Assert.Equal(feasible, HardFilters.TermsFeasible(profile, Samples.Naturopath().Terms));
    }

    [Theory]
    [InlineData(0L, 0L, true)]       // free sessions fit a budget of nothing
    [InlineData(0L, 100L, false)]    // a dollar is more than nothing
    [InlineData(100L, 0L, true)]     // and free fits any budget
    public void A_budget_of_nothing_in_a_currency_reaches_free_sessions_only(long budget, long feeMin, bool feasible)
    {
        var profile = Samples.NatureClient();
        profile.Budget = new Budget { Currency = "USD", MaxPerSession = budget };
        profile.BarterOffers.Clear();
        profile.BarterOffers.Add("carpentry"); // not accepted: only money decides

        Assert.Equal(feasible, HardFilters.TermsFeasible(profile, new ExchangeTerms { Currency = "USD", FeeMin = feeMin, FeeMax = feeMin }));
    }

    [Fact]
    public void A_budget_without_a_currency_is_no_budget_given()
    {
        var profile = Samples.NatureClient();
        profile.Budget = new Budget();
        profile.BarterOffers.Clear();

        Assert.True(HardFilters.TermsFeasible(profile, new ExchangeTerms { Currency = "USD", FeeMin = 90000, FeeMax = 90000 }));
    }

    [Fact]
    public void Time_bank_hours_make_a_time_bank_practice_feasible()
    {
        var profile = Samples.NatureClient();
        profile.Budget = null;
        profile.BarterOffers.Clear();
        profile.TimeBankHours = true;
        var terms = Samples.Naturopath().Terms;
        terms.TimeBank = true;

        Assert.True(HardFilters.TermsFeasible(profile, terms));
    }

    [Fact]
    public void A_budget_in_another_currency_is_not_feasible_and_no_terms_never_are()
    {
        var profile = Samples.NatureClient();
        profile.BarterOffers.Clear();
        profile.Budget = new Budget { Currency = "EUR", MaxPerSession = 100000 };

        Assert.False(HardFilters.TermsFeasible(profile, Samples.Naturopath().Terms));
        Assert.False(HardFilters.TermsFeasible(profile, null));
    }
}

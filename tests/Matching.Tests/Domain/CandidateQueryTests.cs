using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class CandidateQueryTests
{
    [Fact]
    public void Every_hard_filter_is_pushed_down_into_the_base_search()
    {
        var profile = Samples.NatureClient();
        profile.AvoidedModalities.Add("chiropractic");

        var searches = CandidateQuery.For(profile, null);

        var base_ = searches[^1];
        Assert.True(base_.AcceptingNewClientsOnly);
        Assert.Equal(["chiropractic"], base_.ExcludeModalities);
        Assert.Equal(["en"], base_.Languages);
        Assert.Equal(Samples.PortlandLat, base_.Near.Lat);
        Assert.Equal(Samples.PortlandLon, base_.Near.Lon);
        Assert.Equal(25, base_.Near.RadiusKm);
        Assert.True(base_.IncludeTelehealth);
        Assert.Equal(SearchOrder.Distance, base_.OrderBy);
        Assert.Equal(5000, base_.MaxFee);
        Assert.Equal("USD", base_.Currency);
        Assert.Equal(["produce"], base_.BarterCategories);
        Assert.False(base_.TimeBank);
        Assert.Equal(CandidateQuery.PoolSize, base_.PageSize);
        Assert.Empty(base_.Modalities);
    }

    [Fact]
    public void Sought_modalities_add_a_second_search_restricted_to_them_with_the_same_filters()
    {
        var searches = CandidateQuery.For(Samples.NatureClient(), null);

        Assert.Equal(2, searches.Count);
        var sought = searches[0];
        Assert.Equal(["naturopathy"], sought.Modalities);
        sought.Modalities.Clear();
        Assert.Equal(searches[1], sought);
    }

    [Fact]
    public void Filter_modalities_replace_the_sought_ones_in_a_single_search()
    {
        var filters = new MatchFilters { Modalities = { "reiki" } };

        var search = Assert.Single(CandidateQuery.For(Samples.NatureClient(), filters));

        Assert.Equal(["reiki"], search.Modalities);
    }

    [Fact]
    public void A_wider_travel_override_widens_the_radius()
    {
        var filters = new MatchFilters { MaxTravelKm = 60 };

        Assert.All(CandidateQuery.For(Samples.NatureClient(), filters), s => Assert.Equal(60, s.Near.RadiusKm));
        Assert.Equal(60, CandidateQuery.MaxTravelKm(Samples.NatureClient(), filters));
        Assert.Equal(25, CandidateQuery.MaxTravelKm(Samples.NatureClient(), new MatchFilters()));
    }

    [Fact]
    public void Asking_to_see_all_terms_drops_the_terms_filter()
    {
        var search = CandidateQuery.For(Samples.NatureClient(), new MatchFilters { IncludeInfeasibleTerms = true })[^1];

        Assert.Equal(0, search.MaxFee);
        Assert.Empty(search.BarterCategories);
    }

    [Fact]
    public void Time_bank_members_ask_for_time_bank_practices()
    {
        var profile = Samples.NatureClient();
        profile.TimeBankHours = true;

        Assert.True(CandidateQuery.For(profile, null)[^1].TimeBank);
    }

    [Fact]
    public void Without_a_home_only_telehealth_is_searched()
    {
        var profile = Samples.NatureClient();
        profile.Home = null;

        var search = CandidateQuery.For(profile, null)[^1];

        Assert.Null(search.Near);
        Assert.True(search.TelehealthOnly);
    }

    [Fact]
    public void A_client_who_will_not_use_telehealth_gets_only_nearby_practices()
    {
        var profile = Samples.NatureClient();
        profile.TelehealthOk = false;

        Assert.False(CandidateQuery.For(profile, null)[^1].IncludeTelehealth);
    }

    [Fact]
    public void Free_text_and_stale_exclusion_are_passed_through()
    {
        var search = CandidateQuery.For(Samples.NatureClient(), new MatchFilters { Query = "gut health", ExcludeStale = true })[^1];

        Assert.Equal("gut health", search.Query);
        Assert.True(search.ExcludeStale);
    }
}

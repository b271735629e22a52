using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
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
        Assert.Equal(SearchOrder.Preference, base_.OrderBy);
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
    public void The_pool_is_retrieved_by_the_preferences_the_scorer_rewards_not_by_distance_or_id()
    {
        var searches = CandidateQuery.For(Samples.NatureClient(), null);

        Assert.All(searches, s => Assert.Equal(SearchOrder.Preference, s.OrderBy));
        var prefer = searches[^1].Prefer;
        Assert.Equal(["organic-food", "herbs-first"], prefer.LifestyleTags);
        Assert.Equal([Orientation.NatureOriented], prefer.Orientations);
        Assert.Equal(["naturopathy"], prefer.Modalities);
        Assert.True(prefer.SharedDecisions);
        Assert.True(prefer.InformsOfOptions);
        Assert.True(prefer.LifestyleFocus);
        Assert.Equal(searches[0].Prefer, prefer);
    }

    [Fact]
    public void Preference_weights_are_each_preferences_share_of_the_default_match_score()
    {
        // Defaults: lifestyle 3, modality 3, distance 2, terms 2, availability 1, approach 2 (of 13), ×100.
        var w = CandidateQuery.For(Samples.NatureClient(), null)[^1].Prefer.Weights;

        Assert.Equal(100 * 3 / 13.0 * 0.5 / 2, w.LifestyleTag, 9);
        Assert.Equal(100 * 3 / 13.0 * 0.2, w.Orientation, 9);
        Assert.Equal(100 * 3 / 13.0, w.Modality, 9);
        Assert.Equal(100 * 2 / 13.0 / 6, w.ApproachSignal, 9);
    }

    [Fact]
    public void A_factor_weighted_zero_contributes_no_preferences()
    {
        var profile = Samples.NatureClient();
        var weights = MatchWeightsResolver.Normalise(new MatchWeights { Lifestyle = 0, Modality = 0, Distance = 1, Approach = 1 });

        var prefer = CandidateQuery.For(profile, null, weights)[^1].Prefer;

        Assert.Empty(prefer.LifestyleTags);
        Assert.Empty(prefer.Orientations);
        Assert.Empty(prefer.Modalities);
        Assert.True(prefer.SharedDecisions);
        Assert.Equal(50 / 6.0, prefer.Weights.ApproachSignal, 9);
    }

    [Fact]
    public void A_client_with_no_preferences_gets_approach_signals_only()
    {
        var profile = Samples.NatureClient();
        profile.LifestyleTags.Clear();
        profile.SoughtModalities.Clear();
        profile.Orientation = Orientation.Unspecified;

        var prefer = Assert.Single(CandidateQuery.For(profile, null)).Prefer;

        Assert.Empty(prefer.LifestyleTags);
        Assert.Empty(prefer.Orientations);
        Assert.Empty(prefer.Modalities);
        Assert.False(prefer.LifestyleFocus);
        Assert.True(prefer.SharedDecisions && prefer.InformsOfOptions);
    }

    [Fact]
    public void A_client_who_does_not_travel_is_searched_for_at_their_door_so_home_visits_are_found()
    {
        var profile = Samples.NatureClient();
        profile.MaxTravelKm = 0;
        profile.TelehealthOk = true;

        var search = CandidateQuery.For(profile, null)[^1];

        Assert.Equal(new GeoRadius { Lat = profile.Home.Lat, Lon = profile.Home.Lon, RadiusKm = CandidateQuery.DoorstepKm }, search.Near);
        Assert.True(search.IncludeTelehealth);
        Assert.False(search.TelehealthOnly);
    }

    [Fact]
    public void A_budget_of_nothing_asks_for_free_sessions_or_the_barter_offered()
    {
        var profile = Samples.NatureClient();
        profile.Budget = new Budget { Currency = "EUR", MaxPerSession = 0 };

        var search = CandidateQuery.For(profile, null)[^1];

        Assert.True(search.HasMaxFee);
        Assert.Equal(0, search.MaxFee);
        Assert.Equal("EUR", search.Currency);
        Assert.Equal(profile.BarterOffers, search.BarterCategories);
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

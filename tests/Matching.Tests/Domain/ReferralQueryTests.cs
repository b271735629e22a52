using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class ReferralQueryTests
{
    private const string Cardiology = "207RC0000X";

    /// <summary>Cardiology as the taxonomy names it: modality "cardiology", NUCC code 207RC0000X.</summary>
    private static readonly ReferralSpecialty Cardiologists = new(new HashSet<string> { "cardiology" }, Cardiology);

    /// <summary>The referral's first search (the two differ only in the specialty).</summary>
    private static SearchListingsRequest Search(Profile profile, FindReferralsRequest request) =>
        ReferralQuery.For(profile, request, Cardiologists)[0];

    [Fact]
    public void A_specialty_is_searched_by_its_modalities_and_by_its_NUCC_code_alike()
    {
        var searches = ReferralQuery.For(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology }, Cardiologists);

        Assert.Equal(2, searches.Count);
        Assert.Equal(["cardiology"], searches[0].Modalities);
        Assert.Empty(searches[0].Specialties);
        Assert.Empty(searches[1].Modalities);
        Assert.Equal([Cardiology], searches[1].Specialties);
        var rest = searches[1].Clone();
        rest.Specialties.Clear();
        rest.Modalities.Add("cardiology");
        Assert.Equal(searches[0], rest);
    }

    [Fact]
    public void A_modality_without_a_NUCC_code_is_one_search_by_modality()
    {
        var reiki = new ReferralSpecialty(new HashSet<string> { "reiki" }, null);

        var search = Assert.Single(ReferralQuery.For(Samples.NatureClient(), new FindReferralsRequest { Specialty = "reiki" }, reiki));

        Assert.Equal(["reiki"], search.Modalities);
        Assert.Empty(search.Specialties);
    }

    [Fact]
    public void A_specialty_search_is_of_any_orientation_and_at_least_fifty_kilometres_around_home()
    {
        var search = Search(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology });

        Assert.Empty(search.Orientations);
        Assert.Equal(ReferralQuery.MinRadiusKm, search.Near.RadiusKm);
        Assert.Equal(Samples.PortlandLat, search.Near.Lat);
        Assert.True(search.AcceptingNewClientsOnly);
        Assert.Equal(["en"], search.Languages);
        Assert.Equal(SearchOrder.Preference, search.OrderBy);
    }

    [Fact]
    public void The_pool_prefers_specialists_who_share_decisions_and_inform_of_options_by_their_share_of_the_score()
    {
        var search = Search(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology });

        Assert.True(search.Prefer.SharedDecisions);
        Assert.True(search.Prefer.InformsOfOptions);
        Assert.False(search.Prefer.LifestyleFocus);
        Assert.Empty(search.Prefer.Orientations);
        Assert.Equal(100 * ReferralScorer.WeightOf("respect") * 0.35, search.Prefer.Weights.ApproachSignal, 9);
    }

    [Fact]
    public void Terms_are_scored_not_filtered_for_a_referral()
    {
        var search = Search(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology });

        Assert.Equal(0, search.MaxFee);
        Assert.Empty(search.BarterCategories);
    }

    [Fact]
    public void Avoided_modalities_stay_excluded_from_referrals()
    {
        var profile = Samples.NatureClient();
        profile.AvoidedModalities.Add("chiropractic");

        var search = Search(profile, new FindReferralsRequest { Specialty = Cardiology });

        Assert.Equal(["chiropractic"], search.ExcludeModalities);
    }

    [Fact]
    public void The_specialty_asked_for_is_not_excluded_whichever_name_asked_for_it()
    {
        var profile = Samples.NatureClient();
        profile.AvoidedModalities.Add("naturopathy");
        profile.AvoidedModalities.Add("cardiology");

        var searches = ReferralQuery.For(profile, new FindReferralsRequest { Specialty = Cardiology }, Cardiologists);

        Assert.All(searches, s => Assert.Equal(["naturopathy"], s.ExcludeModalities));
    }

    [Fact]
    public void A_client_who_travels_zero_kilometres_is_referred_to_who_comes_to_their_door_unless_the_request_names_a_point()
    {
        var profile = Samples.NatureClient();
        profile.MaxTravelKm = 0;

        var search = Search(profile, new FindReferralsRequest { Specialty = Cardiology });
        var near = new GeoRadius { Lat = 47.6, Lon = -122.3, RadiusKm = 30 };
        var there = Search(profile, new FindReferralsRequest { Specialty = Cardiology, Near = near });

        // A search around the home finds the specialists whose home-visit area covers it (visits_you).
        Assert.Equal(new GeoRadius { Lat = profile.Home.Lat, Lon = profile.Home.Lon, RadiusKm = CandidateQuery.DoorstepKm }, search.Near);
        Assert.Equal(profile.TelehealthOk, search.IncludeTelehealth);
        Assert.False(search.TelehealthOnly);
        Assert.Equal(near, there.Near);
        Assert.False(there.TelehealthOnly);
    }

    [Fact]
    public void The_requested_point_and_radius_replace_home()
    {
        var near = new GeoRadius { Lat = 47.6, Lon = -122.3, RadiusKm = 120 };

        var search = Search(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology, Near = near });

        Assert.Equal(near, search.Near);
    }

    [Fact]
    public void A_longer_travel_limit_than_fifty_kilometres_is_kept()
    {
        var profile = Samples.NatureClient();
        profile.MaxTravelKm = 150;

        Assert.Equal(150, Search(profile, new FindReferralsRequest { Specialty = Cardiology }).Near.RadiusKm);
    }

    [Fact]
    public void Without_home_or_point_a_referral_searches_telehealth_only()
    {
        var profile = Samples.NatureClient();
        profile.Home = null;

        Assert.True(Search(profile, new FindReferralsRequest { Specialty = Cardiology }).TelehealthOnly);
    }
}

using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class ReferralQueryTests
{
    private const string Cardiology = "207RC0000X";

    [Fact]
    public void A_specialty_search_is_of_any_orientation_and_at_least_fifty_kilometres_around_home()
    {
        var search = ReferralQuery.For(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology }, bySpecialty: true);

        Assert.Equal([Cardiology], search.Specialties);
        Assert.Empty(search.Orientations);
        Assert.Empty(search.Modalities);
        Assert.Equal(ReferralQuery.MinRadiusKm, search.Near.RadiusKm);
        Assert.Equal(Samples.PortlandLat, search.Near.Lat);
        Assert.True(search.AcceptingNewClientsOnly);
        Assert.Equal(["en"], search.Languages);
        Assert.Equal(SearchOrder.Preference, search.OrderBy);
    }

    [Fact]
    public void The_pool_prefers_specialists_who_share_decisions_and_inform_of_options_by_their_share_of_the_score()
    {
        var search = ReferralQuery.For(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology }, bySpecialty: true);

        Assert.True(search.Prefer.SharedDecisions);
        Assert.True(search.Prefer.InformsOfOptions);
        Assert.False(search.Prefer.LifestyleFocus);
        Assert.Empty(search.Prefer.Orientations);
        Assert.Equal(100 * ReferralScorer.WeightOf("respect") * 0.35, search.Prefer.Weights.ApproachSignal, 9);
    }

    [Fact]
    public void Terms_are_scored_not_filtered_for_a_referral()
    {
        var search = ReferralQuery.For(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology }, bySpecialty: true);

        Assert.Equal(0, search.MaxFee);
        Assert.Empty(search.BarterCategories);
    }

    [Fact]
    public void A_modality_code_searches_modalities()
    {
        var search = ReferralQuery.For(Samples.NatureClient(), new FindReferralsRequest { Specialty = "cardiology" }, bySpecialty: false);

        Assert.Equal(["cardiology"], search.Modalities);
        Assert.Empty(search.Specialties);
    }

    [Fact]
    public void Avoided_modalities_stay_excluded_from_referrals()
    {
        var profile = Samples.NatureClient();
        profile.AvoidedModalities.Add("chiropractic");

        var search = ReferralQuery.For(profile, new FindReferralsRequest { Specialty = Cardiology }, bySpecialty: true);

        Assert.Equal(["chiropractic"], search.ExcludeModalities);
    }

    [Fact]
    public void A_client_who_travels_zero_kilometres_is_referred_to_telehealth_only_unless_the_request_names_a_point()
    {
        var profile = Samples.NatureClient();
        profile.MaxTravelKm = 0;

        var search = ReferralQuery.For(profile, new FindReferralsRequest { Specialty = Cardiology }, bySpecialty: true);
        var near = new GeoRadius { Lat = 47.6, Lon = -122.3, RadiusKm = 30 };
        var there = ReferralQuery.For(profile, new FindReferralsRequest { Specialty = Cardiology, Near = near }, bySpecialty: true);

        Assert.Null(search.Near);
        Assert.True(search.TelehealthOnly);
        Assert.Equal(near, there.Near);
        Assert.False(there.TelehealthOnly);
    }

    [Fact]
    public void The_requested_point_and_radius_replace_home()
    {
        var near = new GeoRadius { Lat = 47.6, Lon = -122.3, RadiusKm = 120 };

        var search = ReferralQuery.For(Samples.NatureClient(), new FindReferralsRequest { Specialty = Cardiology, Near = near }, bySpecialty: true);

        Assert.Equal(near, search.Near);
    }

    [Fact]
    public void A_longer_travel_limit_than_fifty_kilometres_is_kept()
    {
        var profile = Samples.NatureClient();
        profile.MaxTravelKm = 150;

        Assert.Equal(150, ReferralQuery.For(profile, new FindReferralsRequest { Specialty = Cardiology }, bySpecialty: true).Near.RadiusKm);
    }

    [Fact]
    public void Without_home_or_point_a_referral_searches_telehealth_only()
    {
        var profile = Samples.NatureClient();
        profile.Home = null;

        Assert.True(ReferralQuery.For(profile, new FindReferralsRequest { Specialty = Cardiology }, bySpecialty: true).TelehealthOnly);
    }
}

using HealingNetwork.Profiles.Domain;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Domain;

public sealed class ProfileRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void The_sample_profile_breaks_no_rule()
    {
        var v = new Violations();
        ProfileRules.Validate(Samples.NatureClient(), KnownModalities.Codes, v);
        Assert.Empty(v.Items);
    }

    [Theory]
    [MemberData(nameof(InvalidProfileNames))]
    public void Each_invalid_profile_field_is_named_by_its_path(string @case)
    {
        var (profile, field) = InvalidProfiles.Make(@case);
        var v = new Violations();
        ProfileRules.Validate(profile, KnownModalities.Codes, v);
        Assert.Contains(field, v.Items.Select(i => i.Field));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var profile = Samples.NatureClient();
        profile.Home.Lat = 200;
        profile.Budget.Currency = "dollars";
        profile.Story = new string('x', 9000);
        var v = new Violations();
        ProfileRules.Validate(profile, KnownModalities.Codes, v);
        Assert.Equal(["profile.home.lat", "profile.budget.currency", "profile.story"], v.Items.Select(i => i.Field));
    }

    [Fact]
    public void A_telehealth_only_client_needs_no_home()
    {
        var profile = Samples.NatureClient();
        profile.Home = null;
        profile.MaxTravelKm = 0;
        var v = new Violations();
        ProfileRules.Validate(profile, KnownModalities.Codes, v);
        Assert.Empty(v.Items);
    }

    [Fact]
    public void A_client_who_does_not_travel_and_takes_no_telehealth_is_valid_with_a_home_for_home_visits()
    {
        var profile = Samples.NatureClient();
        profile.MaxTravelKm = 0;
        profile.TelehealthOk = false;
        var v = new Violations();
        ProfileRules.Validate(profile, KnownModalities.Codes, v);
        Assert.Empty(v.Items);
    }

    [Fact]
    public void A_valid_partner_breaks_no_rule()
    {
        var v = new Violations();
        ProfileRules.ValidatePartner(InvalidPartners.Valid(), KnownModalities.Codes, Today, v);
        Assert.Empty(v.Items);
    }

    [Fact]
    public void A_partner_from_the_directory_needs_no_name()
    {
        var partner = InvalidPartners.Valid();
        partner.Name = "";
        partner.ListingId = "0198a1b2c3d4";
        var v = new Violations();
        ProfileRules.ValidatePartner(partner, KnownModalities.Codes, Today, v);
        Assert.Empty(v.Items);
    }

    [Theory]
    [MemberData(nameof(InvalidPartnerNames))]
    public void Each_invalid_partner_field_is_named_by_its_path(string @case)
    {
        var (partner, field) = InvalidPartners.Make(@case);
        var v = new Violations();
        ProfileRules.ValidatePartner(partner, KnownModalities.Codes, DateOnly.FromDateTime(DateTime.UtcNow), v);
        Assert.Contains(field, v.Items.Select(i => i.Field));
    }

    public static TheoryData<string> InvalidProfileNames => InvalidProfiles.Names;

    public static TheoryData<string> InvalidPartnerNames => InvalidPartners.Names;
}

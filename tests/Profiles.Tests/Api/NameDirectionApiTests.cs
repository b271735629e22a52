using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>
/// A name shows as it is written: right-to-left names are welcome, controls that reorder how the
/// name is shown (bidirectional overrides, embeddings, isolates) are refused.
/// </summary>
public sealed class NameDirectionApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_hebrew_display_name_is_accepted()
    {
        var profile = Samples.NatureClient();
        profile.DisplayName = "נועה כהן";

        var created = await fixture.CreateAsync(Users.Fresh("alice"), profile);

        Assert.Equal("נועה כהן", created.DisplayName);
    }

    [Fact]
    public async Task A_display_name_with_a_right_to_left_override_is_refused()
    {
        var profile = Samples.NatureClient();
        profile.DisplayName = "Riv\u202Eeitak";

        var details = await RpcAssert.InvalidField("profile.display_name", async () =>
            await fixture.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profile }, Tokens.As(Users.Fresh("alice"))));

        Assert.Contains("bidirectional", Assert.Single(details.FieldViolations).Description);
    }

    [Fact]
    public async Task A_care_partner_name_with_an_isolate_control_is_refused()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var partner = InvalidPartners.Valid();
        partner.Name = "Ana\u2067 ND";

        await RpcAssert.InvalidField("partner.name", async () =>
            await fixture.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner)));
    }
}

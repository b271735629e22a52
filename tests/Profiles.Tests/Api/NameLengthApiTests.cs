using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>
/// "Up to 120 characters" counts what a person sees: an emoji, a flag or an accented letter built of
/// two code points is one character, as it is to the person typing their name.
/// </summary>
public sealed class NameLengthApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    // Two UTF-16 units, four (a flag: two regional indicators), and e + combining acute (two code points).
    public static TheoryData<string> Characters => new() { "🌿", "🇳🇿", "e\u0301" };

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task A_display_name_of_120_characters_is_accepted_whatever_they_are_built_of(string character)
    {
        var owner = Users.Fresh("alice");
        var profile = Samples.NatureClient();
        profile.DisplayName = Repeat(character, 120);

        var created = await fixture.CreateAsync(owner, profile);

        Assert.Equal(profile.DisplayName, created.DisplayName);
    }

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task A_display_name_of_121_characters_is_refused(string character)
    {
        var profile = Samples.NatureClient();
        profile.DisplayName = Repeat(character, 121);

        await RpcAssert.InvalidField("profile.display_name", async () =>
            await fixture.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profile }, Tokens.As(Users.Fresh("alice"))));
    }

    [Fact]
    public async Task A_care_partner_name_of_120_emoji_is_accepted_and_of_121_is_refused()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var partner = InvalidPartners.Valid();
        partner.Name = Repeat("🌿", 120);

        var updated = await fixture.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner));
        Assert.Equal(partner.Name, Assert.Single(updated.CareTeam).Name);

        partner.Name = Repeat("🌿", 121);
        await RpcAssert.InvalidField("partner.name", async () =>
            await fixture.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner)));
    }

    [Fact]
    public async Task One_letter_carrying_hundreds_of_combining_marks_is_refused_though_it_shows_as_one_character()
    {
        var profile = Samples.NatureClient();
        profile.DisplayName = "Z" + new string('\u0301', 500);

        await RpcAssert.InvalidField("profile.display_name", async () =>
            await fixture.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profile }, Tokens.As(Users.Fresh("alice"))));
    }

    private static string Repeat(string character, int times) => string.Concat(Enumerable.Repeat(character, times));
}

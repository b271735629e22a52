using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>
/// The story's "up to 8,000 characters" counts as the display name's limit does: an emoji is one
/// character, not the two UTF-16 units it is stored as.
/// </summary>
public sealed class StoryLengthApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_story_of_8000_emoji_is_accepted()
    {
        var profile = Samples.NatureClient();
        profile.Story = Repeat("🌿", 8000);

        var created = await fixture.CreateAsync(Users.Fresh("alice"), profile);

        Assert.Equal(profile.Story, created.Story);
    }

    [Fact]
    public async Task A_story_of_8001_emoji_is_refused_saying_the_limit_in_characters()
    {
        var profile = Samples.NatureClient();
        profile.Story = Repeat("🌿", 8001);

        var details = await RpcAssert.InvalidField("profile.story", async () =>
            await fixture.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profile }, Tokens.As(Users.Fresh("alice"))));

        Assert.Equal("must be at most 8000 characters", Assert.Single(details.FieldViolations).Description);
    }

    private static string Repeat(string character, int times) => string.Concat(Enumerable.Repeat(character, times));
}

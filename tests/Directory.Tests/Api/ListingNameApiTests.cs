using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>
/// A listing's "1..120 characters" name counts what a client sees: an emoji, a flag or an accented
/// letter built of two code points is one character.
/// </summary>
public sealed class ListingNameApiTests(DirectorySystemFixture fixture) : IClassFixture<DirectorySystemFixture>
{
    // Two UTF-16 units, four (a flag: two regional indicators), and e + combining acute (two code points).
    public static TheoryData<string> Characters => new() { "🌿", "🇳🇿", "e\u0301" };

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task A_display_name_of_120_characters_is_accepted_whatever_they_are_built_of(string character)
    {
        var listing = Samples.Naturopath(Repeat(character, 120));

        var created = await fixture.System.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As("name-tester"));

        Assert.Equal(listing.DisplayName, created.DisplayName);
    }

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task A_display_name_of_121_characters_is_refused(string character)
    {
        var listing = Samples.Naturopath(Repeat(character, 121));

        await RpcAssert.InvalidField("listing.display_name", () =>
            fixture.System.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As("name-tester")).ResponseAsync);
    }

    private static string Repeat(string character, int times) => string.Concat(Enumerable.Repeat(character, times));
}

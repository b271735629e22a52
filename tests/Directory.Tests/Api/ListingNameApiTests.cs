using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>
/// A listing's "1..120 characters" name counts what a client sees: an emoji, a flag or an accented
/// letter built of two code points is one character. It shows as it is written: right-to-left names
/// are welcome, controls that reorder how the name is shown are not.
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

    // Hebrew and Arabic names, one with the right-to-left mark U+200F, one with the left-to-right mark U+200E.
    public static TheoryData<string> RightToLeftNames => new() { "מאיה אוקפור", "مايا أوكافور\u200F, ND", "\u200Eשרה לוי (ND)" };

    [Theory]
    [MemberData(nameof(RightToLeftNames))]
    public async Task A_right_to_left_name_is_accepted(string name)
    {
        var created = await fixture.System.Directory.CreateListingAsync(
            new CreateListingRequest { Listing = Samples.Naturopath(name) }, Tokens.As("name-tester"));

        Assert.Equal(name, created.DisplayName);
    }

    // "Lee" + RIGHT-TO-LEFT OVERRIDE + "DN ,nosirraH" shows as "LeeHarrison, ND"; then each other embedding,
    // override and isolate control.
    public static TheoryData<string> DirectionalControls => new()
    {
        "Lee\u202EDN ,nosirraH", "a\u202Ab", "a\u202Bb", "a\u202Cb", "a\u202Db", "a\u2066b", "a\u2067b", "a\u2068b", "a\u2069b",
    };

    [Theory]
    [MemberData(nameof(DirectionalControls))]
    public async Task A_name_with_a_bidirectional_override_embedding_or_isolate_control_is_refused_saying_why(string name)
    {
        var details = await RpcAssert.InvalidField("listing.display_name", () => fixture.System.Directory.CreateListingAsync(
            new CreateListingRequest { Listing = Samples.Naturopath(name) }, Tokens.As("name-tester")).ResponseAsync);

        Assert.Contains("bidirectional", Assert.Single(details.FieldViolations).Description);
    }

    [Fact]
    public async Task A_city_with_a_right_to_left_override_is_refused_too()
    {
        var listing = Samples.Naturopath();
        listing.Locations[0].City = "Portland\u202E";

        await RpcAssert.InvalidField("listing.locations[0].city", () => fixture.System.Directory.CreateListingAsync(
            new CreateListingRequest { Listing = listing }, Tokens.As("name-tester")).ResponseAsync);
    }

    private static string Repeat(string character, int times) => string.Concat(Enumerable.Repeat(character, times));
}

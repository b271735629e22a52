using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>
/// Free-text limits ("up to 4,000 characters" for a bio, 200 for a search query) count what a reader
/// sees, as the name's limit does: an emoji, a flag or an accented letter built of two code points is
/// one character, whatever it takes in UTF-16.
/// </summary>
public sealed class TextLengthApiTests(DirectorySystemFixture fixture) : IClassFixture<DirectorySystemFixture>
{
    // Two UTF-16 units, four (a flag: two regional indicators), and e + combining acute (two code points).
    public static TheoryData<string> Characters => new() { "🌿", "🇳🇿", "e\u0301" };

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task A_bio_of_4000_characters_is_accepted_whatever_they_are_built_of(string character)
    {
        var listing = Samples.Naturopath();
        listing.Bio = Repeat(character, 4000);

        var created = await fixture.System.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As("text-tester"));

        Assert.Equal(listing.Bio, created.Bio);
    }

    [Fact]
    public async Task A_bio_of_4001_emoji_is_refused()
    {
        var listing = Samples.Naturopath();
        listing.Bio = Repeat("🌿", 4001);

        var details = await RpcAssert.InvalidField("listing.bio", () =>
            fixture.System.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As("text-tester")).ResponseAsync);

        Assert.Equal("must be at most 4000 characters", Assert.Single(details.FieldViolations).Description);
    }

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task A_search_query_of_200_characters_is_accepted(string character)
    {
        // One word to search for: a query of emoji or flags alone has none and is refused for that, not its length.
        var query = "herbs " + Repeat(character, 194);

        var reply = await fixture.System.Directory.SearchListingsAsync(new SearchListingsRequest { Query = query });

        Assert.NotNull(reply);
    }

    [Fact]
    public async Task A_search_query_of_201_emoji_is_refused()
    {
        var details = await RpcAssert.InvalidField("query", () =>
            fixture.System.Directory.SearchListingsAsync(new SearchListingsRequest { Query = Repeat("🌿", 201) }).ResponseAsync);

        Assert.Equal("must be at most 200 characters", Assert.Single(details.FieldViolations).Description);
    }

    [Fact]
    public async Task A_bio_of_one_letter_carrying_hundreds_of_combining_marks_is_refused()
    {
        var listing = Samples.Naturopath();
        listing.Bio = "Z" + new string('\u0301', 500);

        await RpcAssert.InvalidField("listing.bio", () =>
            fixture.System.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As("text-tester")).ResponseAsync);
    }

    private static string Repeat(string character, int times) => string.Concat(Enumerable.Repeat(character, times));
}

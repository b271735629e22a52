using HealingNetwork.Directory.Domain;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Domain;

/// <summary>The listing rules on names and language lists, without I/O.</summary>
public sealed class ListingTextRulesTests
{
    private static IReadOnlyList<string> Violated(Action<HealingNetwork.Directory.V1.Listing> change)
    {
        var listing = Samples.Naturopath();
        change(listing);
        var v = new Violations();
        ListingRules.Validate(listing, ModalityTaxonomy.Default, v);
        return v.Items.Select(i => i.Field).ToList();
    }

    [Fact]
    public void The_sample_listing_is_valid() => Assert.Empty(Violated(_ => { }));

    [Theory]
    [InlineData("Maya\nOkafor")]
    [InlineData("Maya\r\nOkafor")]
    [InlineData("Maya\tOkafor")]
    [InlineData("Maya\u2028Okafor")]
    public void A_display_name_is_one_line(string name) =>
        Assert.Equal(["listing.display_name"], Violated(l => l.DisplayName = name));

    [Fact]
    public void A_language_repeated_in_another_case_is_a_repeat() =>
        Assert.Equal(["listing.languages[1]"], Violated(l => l.Languages.Add("EN")));

    [Fact]
    public void Different_languages_in_any_case_are_fine() =>
        Assert.Empty(Violated(l => l.Languages.Add("pt-BR")));
}

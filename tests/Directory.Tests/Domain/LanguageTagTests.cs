using HealingNetwork.ServiceDefaults.Languages;

namespace HealingNetwork.Directory.Tests.Domain;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("pt", "pt")]
    [InlineData("pt-BR", "pt")]
    [InlineData("PT-br", "pt")]
    [InlineData("zh-Hant-TW", "zh")]
    [InlineData("EN", "en")]
    [InlineData("yue-HK", "yue")]
    public void The_primary_subtag_is_the_language_lower_cased(string tag, string primary) =>
        Assert.Equal(primary, LanguageTag.Primary(tag));

    [Theory]
    [InlineData("pt-BR", "pt")]
    [InlineData("pt", "pt-PT")]
    [InlineData("pt-BR", "PT-pt")]
    [InlineData("zh-Hant", "zh")]
    [InlineData("EN", "en-GB")]
    public void Tags_of_one_language_are_the_same_language_whatever_their_region_or_script(string a, string b)
    {
        Assert.True(LanguageTag.SameLanguage(a, b));
        Assert.True(LanguageTag.SameLanguage(b, a));
    }

    [Theory]
    [InlineData("pt", "es")]
    [InlineData("en", "eng")]
    [InlineData("zh", "zh_Hant")]
    public void Different_languages_are_not_the_same(string a, string b) =>
        Assert.False(LanguageTag.SameLanguage(a, b));

    [Fact]
    public void Two_lists_share_a_language_when_any_pair_does()
    {
        Assert.True(LanguageTag.ShareAny(["en", "pt-BR"], ["fr", "pt"]));
        Assert.False(LanguageTag.ShareAny(["en", "pt-BR"], ["fr", "es"]));
        Assert.False(LanguageTag.ShareAny([], ["fr"]));
    }
}

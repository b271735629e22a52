using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Tests.Domain;

/// <summary>SearchRequestRules on the free-text query, without I/O: what the index's analyzer leaves of it decides.</summary>
public sealed class SearchQueryRulesTests
{
    private static IReadOnlyList<(string Field, string Description)> Violated(string query)
    {
        try
        {
            SearchRequestRules.Build(new SearchListingsRequest { Query = query }, ModalityTaxonomy.Default, DateTimeOffset.UnixEpoch, TimeSpan.FromDays(90));
            return [];
        }
        catch (ValidationException refused)
        {
            return refused.Violations.Select(f => (f.Field, f.Description)).ToList();
        }
    }

    [Theory]
    [InlineData("the")]
    [InlineData("THE")]
    [InlineData("a an and")]
    [InlineData("(((")]
    [InlineData("  ...  ")]
    [InlineData("!?*")]
    public void A_query_the_analyzer_leaves_no_term_of_is_refused(string query) =>
        Assert.Equal([("query", SearchRequestRules.NoWordsToSearch)], Violated(query));

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    [InlineData("the herbalist")]
    [InlineData("Müller")]
    [InlineData("42")]
    [InlineData("瑜伽")]
    public void A_blank_query_or_one_with_a_term_is_accepted(string query) => Assert.Empty(Violated(query));

    [Fact]
    public void A_query_over_the_length_limit_gets_only_the_length_complaint() =>
        Assert.Equal(["query"], Violated(new string('.', 201)).Select(v => v.Field));
}

using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class MatchFilterRulesTests
{
    private static readonly IReadOnlySet<string> Codes = new HashSet<string> { "naturopathy", "reiki" };

    private static IEnumerable<string> Fields(MatchFilters filters)
    {
        var v = new Violations();
        MatchFilterRules.Validate(filters, Codes, v);
        return v.Items.Select(i => i.Field);
    }

    [Fact]
    public void Modality_codes_outside_the_taxonomy_are_named_by_their_place_in_the_filters()
    {
        Assert.Equal(["filters.modalities[1]", "filters.modalities[2]"],
            Fields(new MatchFilters { Modalities = { "reiki", "not-a-code", "Not A Tag" } }));
        Assert.Empty(Fields(new MatchFilters { Modalities = { "naturopathy", "reiki" } }));
    }
}

using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class CareTeamPlanTests
{
    /// <summary>A taxonomy with more body modalities than one search takes, and a few mind ones.</summary>
    private static readonly Modality[] Taxonomy =
    [
        .. Enumerable.Range(0, 52).Select(i => new Modality { Code = $"body-{i:D2}", Layer = "body" }),
        .. Enumerable.Range(0, 3).Select(i => new Modality { Code = $"mind-{i}", Layer = "mind" }),
    ];

    [Fact]
    public void Every_modality_of_a_layer_larger_than_one_search_is_searched_in_groups_a_search_takes()
    {
        var groups = CareTeamPlan.SearchGroupsOf(CareLayer.Body, Taxonomy, avoided: ["body-07"]);

        Assert.All(groups, g => Assert.InRange(g.Length, 1, CareTeamPlan.MaxModalitiesPerSearch));
        Assert.Equal(Taxonomy.Where(m => m.Layer == "body" && m.Code != "body-07").Select(m => m.Code), groups.SelectMany(g => g));
    }

    [Fact]
    public void A_layer_whose_every_modality_is_avoided_has_no_search_at_all()
    {
        Assert.Empty(CareTeamPlan.SearchGroupsOf(CareLayer.Mind, Taxonomy, avoided: ["mind-0", "mind-1", "mind-2"]));
        Assert.Equal(["mind-1"], CareTeamPlan.SearchGroupsOf(CareLayer.Mind, Taxonomy, avoided: ["mind-0", "mind-2"]).Single());
    }
}

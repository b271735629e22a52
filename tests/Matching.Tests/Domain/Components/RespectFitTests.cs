using HealingNetwork.Matching.Domain.Components;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain.Components;

public sealed class RespectFitTests
{
    private static readonly RespectFit Fit = new();

    [Fact]
    public void Respectful_cardiologist_working_alongside_the_care_team_scores_one()
    {
        var result = Fit.Evaluate(Contexts.For(listing: Samples.Cardiologist("Dr. Kind", respectful: true), careTeam: ["naturopathy"]));

        Assert.Equal(1.0, result.Value, 9);
        Assert.Contains("Shares decisions with you; the final choice stays yours", result.Reasons);
        Assert.Contains("Informs you of all your options, including gentler ones", result.Reasons);
        Assert.Contains("Works alongside your care team (naturopathy)", result.Reasons);
    }

    [Fact]
    public void Disrespectful_cardiologist_scores_zero_and_gives_no_reasons()
    {
        var result = Fit.Evaluate(Contexts.For(listing: Samples.Cardiologist("Dr. Cold", respectful: false), careTeam: ["naturopathy"]));

        Assert.Equal(0, result.Value, 9);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Collaboration_counts_the_share_of_the_care_team_worked_alongside()
    {
        var result = Fit.Evaluate(Contexts.For(listing: Samples.Cardiologist("Dr. Kind", respectful: true), careTeam: ["naturopathy", "reiki"]));

        Assert.Equal(0.7 + 0.3 * 0.5, result.Value, 9);
        Assert.Contains("1/2", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Offering_the_same_modality_as_a_care_partner_is_not_working_alongside_them()
    {
        var plain = Samples.Cardiologist("Dr. Plain", respectful: false);
        plain.Approach = new Directory.V1.Approach();

        var result = Fit.Evaluate(Contexts.For(listing: plain, careTeam: ["cardiology"]));

        Assert.Equal(0, result.Value, 9);
        Assert.Empty(result.Reasons);
        Assert.Contains("0/1", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_care_team_any_collaboration_earns_a_little()
    {
        var result = Fit.Evaluate(Contexts.For(listing: Samples.Cardiologist("Dr. Kind", respectful: true)));

        Assert.Equal(0.85, result.Value, 9);
        Assert.Contains("Works alongside other healing partners", result.Reasons);
    }

    [Fact]
    public void Orientation_plays_no_part_in_respect()
    {
        var conventional = Samples.Cardiologist("Dr. Kind", respectful: true);
        var nature = Samples.Cardiologist("Dr. Kind", respectful: true);
        nature.Orientation = Directory.V1.Orientation.NatureOriented;

        Assert.Equal(Fit.Evaluate(Contexts.For(listing: conventional)).Value, Fit.Evaluate(Contexts.For(listing: nature)).Value, 9);
    }
}

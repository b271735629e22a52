using HealingNetwork.Matching.Domain.Components;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain.Components;

public sealed class ModalityFitTests
{
    private static readonly ModalityFit Fit = new();

    [Fact]
    public void Offering_a_sought_modality_scores_one_and_names_it()
    {
        var result = Fit.Evaluate(Contexts.For());

        Assert.Equal(1.0, result.Value, 9);
        Assert.Contains("Offers naturopathy, which you are looking for", result.Reasons);
    }

    [Fact]
    public void Only_working_alongside_a_sought_modality_scores_point_four()
    {
        var profile = Samples.NatureClient();
        profile.SoughtModalities.Clear();
        profile.SoughtModalities.Add("massage-therapy");

        var result = Fit.Evaluate(Contexts.For(profile: profile));

        Assert.Equal(0.4, result.Value, 9);
        Assert.Contains("Works alongside massage-therapy", result.Reasons);
    }

    [Fact]
    public void Offering_none_of_the_sought_modalities_scores_zero()
    {
        var profile = Samples.NatureClient();
        profile.SoughtModalities.Clear();
        profile.SoughtModalities.Add("reiki");

        var result = Fit.Evaluate(Contexts.For(profile: profile));

        Assert.Equal(0, result.Value, 9);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Client_seeking_nothing_in_particular_is_neutral()
    {
        var profile = Samples.NatureClient();
        profile.SoughtModalities.Clear();

        Assert.Equal(0.5, Fit.Evaluate(Contexts.For(profile: profile)).Value, 9);
    }

    [Fact]
    public void Listing_without_an_approach_is_scored_on_its_modalities_alone()
    {
        var profile = Samples.NatureClient();
        profile.SoughtModalities.Clear();
        profile.SoughtModalities.Add("massage-therapy");

        Assert.Equal(1.0, Fit.Evaluate(Contexts.For(profile: profile, listing: Contexts.Plain())).Value, 9);
    }
}

using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain.Components;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Domain.Components;

public sealed class LifestyleFitTests
{
    private static readonly LifestyleFit Fit = new();

    [Fact]
    public void Same_orientation_all_tags_shared_and_lifestyle_focus_is_capped_at_one()
    {
        var result = Fit.Evaluate(Contexts.For());

        Assert.Equal(1.0, result.Value, 9);
        Assert.Contains("Nature-oriented, as you prefer", result.Reasons);
        Assert.Contains("Supports your way of life: organic-food, herbs-first", result.Reasons);
        Assert.Contains("Puts lifestyle at the centre of care", result.Reasons);
        Assert.EndsWith("tag overlap 2/2 × 0.5 + lifestyle focus 0.1, capped at 1", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_the_tags_shared_with_the_same_orientation_scores_three_quarters()
    {
        var listing = Samples.Naturopath();
        listing.LifestyleTags.Remove("herbs-first");
        listing.Approach.LifestyleFocus = false;

        var result = Fit.Evaluate(Contexts.For(listing: listing));

        Assert.Equal(0.5 * 1 + 0.5 * 0.5, result.Value, 9);
        Assert.Contains("tag overlap 1/2", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Nature_client_and_conventional_practice_without_shared_tags_score_low_and_say_why()
    {
        var result = Fit.Evaluate(Contexts.For(listing: Samples.Cardiologist("Dr. Heart", respectful: true)));

        Assert.Equal(0.5 * 0.1, result.Value, 9);
        Assert.Contains("Conventional, unlike your preference for nature-oriented care", result.Reasons);
    }

    [Fact]
    public void Client_without_orientation_or_tags_is_neutral()
    {
        var profile = Samples.NatureClient();
        profile.Orientation = Orientation.Unspecified;
        profile.LifestyleTags.Clear();

        var result = Fit.Evaluate(Contexts.For(profile: profile));

        Assert.Equal(0.5, result.Value, 9);
        Assert.DoesNotContain("Puts lifestyle at the centre of care", result.Reasons);
        // The explanation adds up to the value: 0.5 × 0.5 + 0.5 × 0.5, not a 0/0 overlap.
        Assert.Equal("orientation 0.5 × 0.5 + tag overlap 0.5 (you gave no lifestyle tags) × 0.5", result.Explanation);
    }

    [Fact]
    public void Listing_without_tags_scores_only_its_orientation_half()
    {
        var listing = Samples.Naturopath();
        listing.LifestyleTags.Clear();
        listing.Approach.LifestyleFocus = false;

        Assert.Equal(0.5, Fit.Evaluate(Contexts.For(listing: listing)).Value, 9);
    }

    [Theory]
    [InlineData(Orientation.NatureOriented, Orientation.NatureOriented, 1.0)]
    [InlineData(Orientation.NatureOriented, Orientation.Integrative, 0.6)]
    [InlineData(Orientation.Integrative, Orientation.Conventional, 0.6)]
    [InlineData(Orientation.Conventional, Orientation.Integrative, 0.6)]
    [InlineData(Orientation.NatureOriented, Orientation.Conventional, 0.1)]
    [InlineData(Orientation.Conventional, Orientation.NatureOriented, 0.1)]
    [InlineData(Orientation.Unspecified, Orientation.Conventional, 0.5)]
    public void Orientation_compatibility_follows_the_documented_table(Orientation wanted, Orientation offered, double expected)
    {
        Assert.Equal(expected, LifestyleFit.Compatibility(wanted, offered), 9);
    }
}

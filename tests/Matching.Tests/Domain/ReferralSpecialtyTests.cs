using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class ReferralSpecialtyTests
{
    private static readonly IReadOnlyDictionary<string, Modality> Taxonomy = new[]
    {
        new Modality { Code = "cardiology", NuccCode = "207RC0000X" },
        new Modality { Code = "naturopathy", NuccCode = "175F00000X" },
        new Modality { Code = "reiki" },
    }.ToDictionary(m => m.Code);

    [Theory]
    [InlineData("207RC0000X")]
    [InlineData("cardiology")]
    public void Either_name_of_a_specialty_resolves_to_its_modality_and_its_NUCC_code(string requested)
    {
        var specialty = ReferralSpecialty.Resolve(requested, Taxonomy);

        Assert.NotNull(specialty);
        Assert.Equal(["cardiology"], specialty.Modalities);
        Assert.Equal("207RC0000X", specialty.NuccCode);
    }

    [Fact]
    public void A_modality_without_a_NUCC_code_is_only_itself()
    {
        var specialty = ReferralSpecialty.Resolve("reiki", Taxonomy);

        Assert.NotNull(specialty);
        Assert.Equal(["reiki"], specialty.Modalities);
        Assert.Null(specialty.NuccCode);
    }

    [Theory]
    [InlineData("207X00000X")]
    [InlineData("astrology")]
    [InlineData("")]
    public void A_name_the_taxonomy_does_not_know_resolves_to_nothing(string requested) =>
        Assert.Null(ReferralSpecialty.Resolve(requested, Taxonomy));
}

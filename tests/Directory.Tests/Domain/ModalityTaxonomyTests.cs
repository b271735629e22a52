using System.Text.RegularExpressions;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;
using Xunit;

namespace HealingNetwork.Directory.Tests.Domain;

public sealed partial class ModalityTaxonomyTests
{
    private static readonly ModalityTaxonomy Taxonomy = ModalityTaxonomy.Default;

    public static TheoryData<ModalityCategory> Categories()
    {
        var data = new TheoryData<ModalityCategory>();
        foreach (var category in Enum.GetValues<ModalityCategory>().Where(c => c != ModalityCategory.Unspecified))
        {
            data.Add(category);
        }
        return data;
    }

    [Fact]
    public void Taxonomy_has_at_least_seventy_modalities()
    {
        Assert.True(Taxonomy.All.Count >= 70, $"only {Taxonomy.All.Count} modalities");
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void Every_category_has_modalities(ModalityCategory category)
    {
        Assert.Contains(Taxonomy.All, m => m.Category == category);
    }

    [Fact]
    public void No_modality_is_left_without_a_category()
    {
        Assert.DoesNotContain(Taxonomy.All, m => m.Category == ModalityCategory.Unspecified);
    }

    [Fact]
    public void Codes_are_unique_kebab_case()
    {
        var codes = Taxonomy.All.Select(m => m.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(KebabCase(), code));
    }

    [Fact]
    public void Nucc_codes_are_unique_and_shaped_like_nucc_codes()
    {
        var nucc = Taxonomy.All.Select(m => m.NuccCode).Where(c => c.Length > 0).ToList();
        Assert.NotEmpty(nucc);
        Assert.Equal(nucc.Count, nucc.Distinct(StringComparer.Ordinal).Count());
        Assert.All(nucc, code => Assert.Matches(NuccShape(), code));
    }

    [Theory]
    [InlineData("cardiology", "207RC0000X")]
    [InlineData("naturopathy", "175F00000X")]
    [InlineData("chiropractic", "111N00000X")]
    [InlineData("massage-therapy", "225700000X")]
    [InlineData("tcm-acupuncture", "171100000X")]
    [InlineData("family-medicine", "207Q00000X")]
    [InlineData("psychiatry", "2084P0800X")]
    public void Known_modalities_carry_their_nucc_code(string code, string nucc)
    {
        Assert.Equal(nucc, Taxonomy.Find(code)?.NuccCode);
        Assert.Equal(code, Taxonomy.FindBySpecialty(nucc)?.Code);
    }

    [Fact]
    public void Every_modality_serves_a_known_layer()
    {
        string[] layers = ["body", "mind", "spirit", "maintenance"];
        Assert.All(Taxonomy.All, m => Assert.Contains(m.Layer, layers));
    }

    [Fact]
    public void Every_modality_has_a_name_licensing_note_and_synonyms()
    {
        Assert.All(Taxonomy.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Name), m.Code);
            Assert.False(string.IsNullOrWhiteSpace(m.UsualLicensing), m.Code);
            Assert.NotEmpty(m.Synonyms);
        });
    }

    [Fact]
    public void Cardiology_nucc_code_is_a_known_specialty()
    {
        Assert.True(Taxonomy.IsKnownSpecialty("207RC0000X"));
        Assert.False(Taxonomy.IsKnownSpecialty("999X00000X"));
        Assert.False(Taxonomy.IsKnownSpecialty(""));
    }

    [Fact]
    public void Unknown_codes_are_not_modalities()
    {
        Assert.True(Taxonomy.IsKnownModality("reiki"));
        Assert.False(Taxonomy.IsKnownModality("Reiki"));
        Assert.Null(Taxonomy.Find("snake-oil"));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    // NUCC codes: 10 characters, 9 upper-case letters or digits ending in X.
    [GeneratedRegex("^[0-9]{3}[0-9A-Z]{6}X$")]
    private static partial Regex NuccShape();
}

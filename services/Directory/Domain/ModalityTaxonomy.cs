using System.Text.Json;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// The modality taxonomy shipped with the service (Domain/modalities.json, embedded): codes,
/// categories, usual licensing, search synonyms, NUCC codes and the layer of support each serves.
/// Immutable and loaded once.
/// </summary>
public sealed class ModalityTaxonomy
{
    // Static initialisers run in textual order: these must stay above Default, which uses them.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private const string CategoryPrefix = "MODALITY_CATEGORY_";

    // Keyed by the proto value name without its prefix ("NUTRITION_HERBAL"), so the JSON uses the
    // same spelling as the contract.
    private static readonly Dictionary<string, ModalityCategory> CategoriesByName =
        DirectoryServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>(nameof(ModalityCategory))
            .Values
            .Where(v => v.Number != (int)ModalityCategory.Unspecified)
            .ToDictionary(v => v.Name[CategoryPrefix.Length..], v => (ModalityCategory)v.Number, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, Modality> _byCode;
    private readonly HashSet<string> _specialtyCodes;

    public IReadOnlyList<Modality> All { get; }

    private ModalityTaxonomy(IReadOnlyList<Modality> modalities)
    {
        All = modalities.OrderBy(m => m.Category).ThenBy(m => m.Name, StringComparer.Ordinal).ToArray();
        _byCode = modalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        _specialtyCodes = modalities.Where(m => m.NuccCode.Length > 0).Select(m => m.NuccCode).ToHashSet(StringComparer.Ordinal);
    }

    public static ModalityTaxonomy Default { get; } = LoadEmbedded();

    /// <summary>A taxonomy of the given modalities, for tests that must not depend on the shipped data.</summary>
    public static ModalityTaxonomy FromModalities(IEnumerable<Modality> modalities) => new(modalities.ToArray());

    public bool IsKnownModality(string code) => _byCode.ContainsKey(code);

    /// <summary>A specialty is a NUCC code named in the taxonomy.</summary>
    public bool IsKnownSpecialty(string code) => _specialtyCodes.Contains(code);

    public Modality? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The modality whose NUCC code is <paramref name="nuccCode"/>, if any.</summary>
    public Modality? FindBySpecialty(string nuccCode) => All.FirstOrDefault(m => m.NuccCode == nuccCode);

    private static ModalityTaxonomy LoadEmbedded()
    {
        using var stream = typeof(ModalityTaxonomy).Assembly.GetManifestResourceStream("modalities.json")
            ?? throw new InvalidOperationException("modalities.json is not embedded.");
        var entries = JsonSerializer.Deserialize<List<Entry>>(stream, JsonOptions) ?? [];
        return new ModalityTaxonomy(entries.Select(e => e.ToModality()).ToArray());
    }

    private sealed record Entry(string Code, string Name, string Category, string UsualLicensing,
        List<string>? Synonyms, string? NuccCode, string Layer)
    {
        public Modality ToModality() => new()
        {
            Code = Code,
            Name = Name,
            Category = ParseCategory(),
            UsualLicensing = UsualLicensing,
            Synonyms = { Synonyms ?? [] },
            NuccCode = NuccCode ?? "",
            Layer = Layer,
        };

        // A dictionary rather than Enum.Parse, which also accepts "UNSPECIFIED", numbers and comma
        // lists ("MIND,ENERGY") and would hide a typo in the data.
        private ModalityCategory ParseCategory() =>
            CategoriesByName.TryGetValue(Category, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"modalities.json: '{Code}' has unknown category '{Category}'.");
    }
}

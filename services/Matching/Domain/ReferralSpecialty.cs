using HealingNetwork.Directory.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// The specialty a referral asks for, whichever of its two names the request used: a NUCC code
/// ("207RC0000X") or a modality code ("cardiology"). The taxonomy (ListModalities, as
/// <c>TaxonomyClient</c> caches it) maps each modality to its NUCC code, and a listing may give the
/// modality, the specialty code or both, so both names mean the same specialists: those offering
/// any of <see cref="Modalities"/> or listing <see cref="NuccCode"/>.
/// </summary>
/// <param name="Modalities">The modality codes the specialty maps to (those whose NUCC code it is, or the one modality asked for when it has none).</param>
/// <param name="NuccCode">The specialty's NUCC code; null for a modality without one.</param>
public sealed record ReferralSpecialty(IReadOnlySet<string> Modalities, string? NuccCode)
{
    /// <summary>The specialty <paramref name="requested"/> names, or null when the taxonomy knows neither name.</summary>
    public static ReferralSpecialty? Resolve(string requested, IReadOnlyDictionary<string, Modality> taxonomy)
    {
        string? nucc;
        if (taxonomy.TryGetValue(requested, out var modality)) nucc = modality.NuccCode.Length > 0 ? modality.NuccCode : null;
        else if (requested.Length > 0 && taxonomy.Values.Any(m => m.NuccCode == requested)) nucc = requested; // "" is no code
        else return null;
        var modalities = nucc is null
            ? new HashSet<string>(StringComparer.Ordinal) { requested }
            : taxonomy.Values.Where(m => m.NuccCode == nucc).Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        return new ReferralSpecialty(modalities, nucc);
    }
}

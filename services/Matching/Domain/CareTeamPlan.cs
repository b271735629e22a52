using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// Many layers of support: which modalities serve a missing layer (from the taxonomy's layer of
/// each modality) and why the layer matters, in the essay's spirit.
/// </summary>
public static class CareTeamPlan
{
    /// <summary>SearchListings takes up to 50 modality codes (directory_service.proto); the body layer alone has more.</summary>
    public const int MaxModalitiesPerSearch = 50;

    /// <summary>Every modality of <paramref name="layer"/> the client does not avoid, in code order.</summary>
    public static IReadOnlyList<string> ModalitiesOf(CareLayer layer, IEnumerable<Modality> taxonomy, IEnumerable<string> avoided)
    {
        var name = layer.ToString().ToLowerInvariant();
        var skip = avoided.ToHashSet(StringComparer.Ordinal);
        return taxonomy.Where(m => string.Equals(m.Layer, name, StringComparison.OrdinalIgnoreCase) && !skip.Contains(m.Code))
            .Select(m => m.Code).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The modality restriction of each search for <paramref name="layer"/>: all of
    /// <see cref="ModalitiesOf"/>, split into groups a search takes (their pools merged rank as well as
    /// one search of them all would). None when the client avoids every modality of the layer: no
    /// search at all, since a search without modalities would be unrestricted.
    /// </summary>
    public static IReadOnlyList<string[]> SearchGroupsOf(CareLayer layer, IEnumerable<Modality> taxonomy, IEnumerable<string> avoided) =>
        ModalitiesOf(layer, taxonomy, avoided).Chunk(MaxModalitiesPerSearch).ToArray();

    /// <summary>Why a missing layer has no candidates when the client avoids every modality of it.</summary>
    public static string AllAvoidedReason(CareLayer layer) =>
        $"You avoid every kind of care for the {layer.ToString().ToLowerInvariant()} layer, so no one is suggested for it.";

    public static string Reason(CareLayer layer) => layer switch
    {
        CareLayer.Body => "No one on your care team looks after the body yet: bodywork, nutrition or a physician who shares decisions.",
        CareLayer.Mind => "No one supports the mind yet: a counsellor or therapist can hold your story alongside your other partners.",
        CareLayer.Spirit => "No one tends the spirit yet: energy work or a spiritual practice adds another layer of support.",
        CareLayer.Maintenance => "Nothing keeps you well between needs: regular movement or maintenance care helps prevention.",
        _ => "",
    };
}

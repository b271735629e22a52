using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// Many layers of support: which modalities serve a missing layer (from the taxonomy's layer of
/// each modality) and why the layer matters, in the essay's spirit.
/// </summary>
public static class CareTeamPlan
{
    public static IReadOnlyList<string> ModalitiesOf(CareLayer layer, IEnumerable<Modality> taxonomy, IEnumerable<string> avoided)
    {
        var name = layer.ToString().ToLowerInvariant();
        var skip = avoided.ToHashSet(StringComparer.Ordinal);
        return taxonomy.Where(m => string.Equals(m.Layer, name, StringComparison.OrdinalIgnoreCase) && !skip.Contains(m.Code))
            .Select(m => m.Code).Order(StringComparer.Ordinal).Take(50).ToArray();
    }

    public static string Reason(CareLayer layer) => layer switch
    {
        CareLayer.Body => "No one on your care team looks after the body yet: bodywork, nutrition or a physician who shares decisions.",
        CareLayer.Mind => "No one supports the mind yet: a counsellor or therapist can hold your story alongside your other partners.",
        CareLayer.Spirit => "No one tends the spirit yet: energy work or a spiritual practice adds another layer of support.",
        CareLayer.Maintenance => "Nothing keeps you well between needs: regular movement or maintenance care helps prevention.",
        _ => "",
    };
}

using HealingNetwork.Matching.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Validation;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// The rules of FindMatches' filters override. Modality codes are checked against the taxonomy
/// here, not left to the directory search they become: its error would name the search's field
/// (<c>modalities[0]</c>), not the one the caller sent (<c>filters.modalities[0]</c>).
/// </summary>
public static class MatchFilterRules
{
    public static void Validate(MatchFilters filters, IReadOnlySet<string> modalityCodes, Violations v)
    {
        FieldRules.Text(v, "filters.query", filters.Query, 200);
        FieldRules.Range(v, "filters.max_travel_km", filters.MaxTravelKm, 0.0, 1000.0);
        FieldRules.List(v, "filters.modalities", filters.Modalities, 20,
            code => FieldRules.Tag(code) ?? (modalityCodes.Contains(code) ? null : "unknown modality code (see ListModalities)"));
    }
}

using System.Globalization;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Validation;

namespace HealingNetwork.Profiles.Domain;

/// <summary>Every rule a profile and a care partner must satisfy. Field paths are the proto paths.</summary>
public static class ProfileRules
{
    public const int MaxCareTeam = 30;

    public static void Validate(Profile p, IReadOnlySet<string> modalityCodes, Violations v, string prefix = "profile.")
    {
        if (!Enum.IsDefined(p.Orientation)) v.Add(prefix + "orientation", "unknown orientation");
        FieldRules.Line(v, prefix + "display_name", p.DisplayName, 120);
        FieldRules.List(v, prefix + "lifestyle_tags", p.LifestyleTags, 30, FieldRules.Tag);
        string? Known(string code) => modalityCodes.Contains(code) ? null : "unknown modality code (see ListModalities)";
        FieldRules.List(v, prefix + "sought_modalities", p.SoughtModalities, 20, Known);
        FieldRules.List(v, prefix + "avoided_modalities", p.AvoidedModalities, 20, Known);
        foreach (var both in p.SoughtModalities.Intersect(p.AvoidedModalities))
            v.Add(prefix + "avoided_modalities", $"'{both}' is also sought");

        if (p.Home is { } home) FieldRules.LatLon(v, prefix + "home", home.Lat, home.Lon);
        FieldRules.Range(v, prefix + "max_travel_km", p.MaxTravelKm, 0.0, 1000.0);
        if (p.Home is null && !p.TelehealthOk) v.Add(prefix + "home", "is required unless telehealth_ok is true");
        FieldRules.Languages(v, prefix + "languages", p.Languages, 10);

        if (p.Budget is { } budget)
        {
            if ((budget.MaxPerSession > 0 || budget.Currency.Length > 0) && !FieldRules.IsCurrency(budget.Currency))
                v.Add(prefix + "budget.currency", "must be an ISO 4217 code such as \"USD\"");
            FieldRules.Range(v, prefix + "budget.max_per_session", budget.MaxPerSession, 0, 100_000_000);
        }
        FieldRules.List(v, prefix + "barter_offers", p.BarterOffers, 20, FieldRules.Tag);
        if (p.Weights is { } weights) WeightRules.Validate(weights, v, prefix + "weights");
        FieldRules.Text(v, prefix + "story", p.Story, 8000);
    }

    public static void ValidatePartner(CarePartner partner, IReadOnlySet<string> modalityCodes, DateOnly today, Violations v, string prefix = "partner.")
    {
        if (string.IsNullOrWhiteSpace(partner.ListingId) && string.IsNullOrWhiteSpace(partner.Name))
            v.Add(prefix + "name", "give a listing_id or a name");
        FieldRules.Line(v, prefix + "listing_id", partner.ListingId, 64);
        FieldRules.Line(v, prefix + "name", partner.Name, 120);
        if (partner.Layer == CareLayer.Unspecified || !Enum.IsDefined(partner.Layer)) v.Add(prefix + "layer", "must be BODY, MIND, SPIRIT or MAINTENANCE");
        if (partner.Cadence == Cadence.Unspecified || !Enum.IsDefined(partner.Cadence)) v.Add(prefix + "cadence", "must be INTENSIVE, REGULAR or MAINTENANCE");
        if (partner.Since.Length > 0)
        {
            if (!DateOnly.TryParseExact(partner.Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
                v.Add(prefix + "since", "must be a date yyyy-MM-dd");
            else if (since > today) v.Add(prefix + "since", "must not be in the future");
        }
        FieldRules.List(v, prefix + "modalities", partner.Modalities, 20,
            code => modalityCodes.Contains(code) ? null : "unknown modality code");
    }
}

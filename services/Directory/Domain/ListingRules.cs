using HealingNetwork.ServiceDefaults.Validation;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// Every rule a listing must satisfy before it is stored. Field paths in violations are the
/// proto paths the client sent (e.g. "listing.terms.fee_min", "listing.locations[1].lat").
/// </summary>
public static class ListingRules
{
    public const int MaxModalities = 20;
    public const int MaxLocations = 10;

    public static void Validate(Listing listing, ModalityTaxonomy taxonomy, Violations v, string prefix = "listing.")
    {
        FieldRules.Line(v, prefix + "display_name", listing.DisplayName, 120, required: true);
        FieldRules.Text(v, prefix + "bio", listing.Bio, 4000);

        if (listing.Modalities.Count == 0) v.Add(prefix + "modalities", "name at least one modality (see ListModalities)");
        FieldRules.List(v, prefix + "modalities", listing.Modalities, MaxModalities,
            code => taxonomy.IsKnownModality(code) ? null : $"unknown modality code '{Clip(code)}'");
        FieldRules.List(v, prefix + "specialties", listing.Specialties, 20,
            code => taxonomy.IsKnownSpecialty(code) ? null : $"unknown specialty code '{Clip(code)}'");

        if (listing.Orientation == Orientation.Unspecified || !Enum.IsDefined(listing.Orientation))
            v.Add(prefix + "orientation", "must be NATURE_ORIENTED, INTEGRATIVE or CONVENTIONAL");
        FieldRules.List(v, prefix + "lifestyle_tags", listing.LifestyleTags, 30, FieldRules.Tag);

        ValidateLicensure(listing.Licensure, v, prefix + "licensure");
        ValidateApproach(listing.Approach, taxonomy, v, prefix + "approach");
        ValidateTerms(listing.Terms, v, prefix + "terms");
        ValidateLocations(listing, v, prefix);

        FieldRules.Languages(v, prefix + "languages", listing.Languages, 10);
        if (!FieldRules.IsTimeZone(listing.TimeZone))
            v.Add(prefix + "time_zone", "must be an IANA time zone such as \"America/New_York\"");
    }

    // Licence, jurisdiction and credential are shown on one line (a FHIR qualification, a result
    // card), as are a location's city, region and postal code: FieldRules.Line, like the name, so a
    // line break or tab cannot split them.
    private static void ValidateLicensure(Licensure? licensure, Violations v, string field)
    {
        if (licensure is null || licensure.Kind == LicensureKind.Unspecified || !Enum.IsDefined(licensure.Kind))
        {
            v.Add(field + ".kind", "must be STATE_LICENSED, CERTIFIED or TRADITIONAL (unlicensed practice is welcome, stated openly)");
            return;
        }
        FieldRules.Line(v, field + ".licence_number", licensure.LicenceNumber, 64, required: licensure.Kind == LicensureKind.StateLicensed);
        FieldRules.Line(v, field + ".jurisdiction", licensure.Jurisdiction, 64, required: licensure.Kind == LicensureKind.StateLicensed);
        FieldRules.Line(v, field + ".credential", licensure.Credential, 120);
    }

    private static void ValidateApproach(Approach? approach, ModalityTaxonomy taxonomy, Violations v, string field)
    {
        if (approach is null) return;
        FieldRules.Range(v, field + ".intake_minutes", approach.IntakeMinutes, 0, 480);
        FieldRules.Range(v, field + ".typical_trial_weeks", approach.TypicalTrialWeeks, 0, 104);
        FieldRules.Range(v, field + ".cost_estimate", approach.CostEstimate, 0, 100_000_000);
        FieldRules.Range(v, field + ".product_share", approach.ProductShare, 0.0, 1.0);
        FieldRules.List(v, field + ".collaborates_with", approach.CollaboratesWith, 30,
            code => taxonomy.IsKnownModality(code) ? null : $"unknown modality code '{Clip(code)}'");
    }

    private static void ValidateTerms(ExchangeTerms? terms, Violations v, string field)
    {
        if (terms is null) return;
        var hasFee = terms.FeeMin > 0 || terms.FeeMax > 0 || terms.SlidingScaleMin > 0;
        if ((hasFee || terms.Currency.Length > 0) && !FieldRules.IsCurrency(terms.Currency))
            v.Add(field + ".currency", "must be an ISO 4217 code such as \"USD\"");
        FieldRules.Range(v, field + ".fee_min", terms.FeeMin, 0, 100_000_000);
        FieldRules.Range(v, field + ".fee_max", terms.FeeMax, 0, 100_000_000);
        if (terms.FeeMax < terms.FeeMin) v.Add(field + ".fee_max", "must be at least fee_min");
        FieldRules.Range(v, field + ".sliding_scale_min", terms.SlidingScaleMin, 0, 100_000_000);
        if (terms.SlidingScaleMin > terms.FeeMin) v.Add(field + ".sliding_scale_min", "must be at most fee_min");
        FieldRules.List(v, field + ".barter_accepted", terms.BarterAccepted, 20, FieldRules.Tag);
    }

    private static void ValidateLocations(Listing listing, Violations v, string prefix)
    {
        if (listing.Locations.Count > MaxLocations) { v.Add(prefix + "locations", $"must have at most {MaxLocations} items"); return; }
        if (listing.Locations.Count == 0 && !listing.Telehealth)
            v.Add(prefix + "locations", "give at least one location, or offer telehealth");
        for (var i = 0; i < listing.Locations.Count; i++)
        {
            var l = listing.Locations[i];
            var f = $"{prefix}locations[{i}]";
            FieldRules.LatLon(v, f, l.Lat, l.Lon);
            FieldRules.Line(v, f + ".city", l.City, 100);
            FieldRules.Line(v, f + ".region", l.Region, 100);
            if (!FieldRules.IsCountry(l.Country)) v.Add(f + ".country", "must be an ISO 3166-1 alpha-2 code such as \"US\"");
            FieldRules.Line(v, f + ".postal_code", l.PostalCode, 20);
            FieldRules.Range(v, f + ".service_radius_km", l.ServiceRadiusKm, 0.0, 500.0);
        }
    }

    /// <summary>Echo at most 40 characters of a bad value back to the client.</summary>
    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

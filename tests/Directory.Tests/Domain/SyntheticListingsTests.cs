using System.Text.RegularExpressions;
using Google.Protobuf;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;
using NodaTime;
using Xunit;

namespace HealingNetwork.Directory.Tests.Domain;

public sealed partial class SyntheticListingsTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModalityTaxonomy Taxonomy = ModalityTaxonomy.Default;

    // Generated once: several tests look at the same sample.
    private static readonly IReadOnlyList<Listing> Sample = SyntheticListings.Generate(5_000, seed: 7, now: Now).ToList();

    [Fact]
    public void Every_generated_listing_passes_the_listing_rules()
    {
        var failures = Sample
            .SelectMany((listing, i) => Violations(listing).Select(v => $"#{i} {listing.DisplayName}: {v}"))
            .Take(20)
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Same_seed_gives_the_same_listings()
    {
        var first = SyntheticListings.Generate(500, seed: 11, now: Now).ToList();
        var second = SyntheticListings.Generate(500, seed: 11, now: Now).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Enumerating_one_sequence_twice_gives_the_same_listings()
    {
        var listings = SyntheticListings.Generate(200, seed: 3, now: Now);
        Assert.Equal(listings.ToList(), listings.ToList());
    }

    [Fact]
    public void Different_seeds_give_different_listings()
    {
        var a = SyntheticListings.Generate(50, seed: 1, now: Now).Select(l => l.DisplayName);
        var b = SyntheticListings.Generate(50, seed: 2, now: Now).Select(l => l.DisplayName);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Server_assigned_fields_are_left_empty()
    {
        Assert.All(Sample, l =>
        {
            Assert.Equal("", l.Id);
            Assert.Equal("", l.OwnerId);
            Assert.Equal("", l.Etag);
            Assert.Null(l.CreateTime);
            Assert.Null(l.UpdateTime);
            Assert.False(l.Stale);
        });
    }

    [Fact]
    public void Last_confirmed_times_span_the_past_150_days_so_some_are_stale()
    {
        var ages = Sample.Select(l => Now - l.LastConfirmedTime.ToDateTimeOffset()).ToList();
        Assert.All(ages, age => Assert.InRange(age, TimeSpan.Zero, TimeSpan.FromDays(150)));
        var staleShare = ages.Count(a => a > TimeSpan.FromDays(90)) / (double)ages.Count;
        Assert.InRange(staleShare, 0.3, 0.5);
    }

    [Fact]
    public void Every_category_and_region_is_represented()
    {
        var categories = Sample.Select(l => Taxonomy.Find(l.Modalities[0])!.Category).ToHashSet();
        Assert.Equal(7, categories.Count);
        var zones = Sample.Select(l => l.TimeZone).ToHashSet();
        Assert.Superset(new HashSet<string> { "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
            "America/Toronto", "America/Vancouver", "America/Mexico_City", "Europe/London", "Europe/Berlin",
            "Europe/Lisbon", "Australia/Sydney" }, zones);
    }

    [Fact]
    public void Region_currency_and_language_follow_the_city()
    {
        Assert.All(Sample.Where(l => l.TimeZone == "America/Mexico_City"), l =>
        {
            Assert.Equal("MXN", l.Terms.Currency);
            Assert.Contains("es", l.Languages);
            Assert.All(l.Locations, loc => Assert.Equal("MX", loc.Country));
        });
        Assert.All(Sample.Where(l => l.TimeZone == "Europe/Berlin"), l => Assert.Equal("EUR", l.Terms.Currency));
        Assert.All(Sample.Where(l => l.TimeZone == "Europe/London"), l => Assert.Equal("GBP", l.Terms.Currency));
        Assert.All(Sample.Where(l => l.TimeZone == "Australia/Sydney"), l => Assert.Equal("AUD", l.Terms.Currency));
    }

    [Fact]
    public void Locations_lie_near_their_city_centre()
    {
        var portland = Sample.SelectMany(l => l.Locations).Where(loc => loc.City == "Portland").ToList();
        Assert.NotEmpty(portland);
        Assert.All(portland, loc =>
        {
            Assert.InRange(loc.Lat, 45.5152 - 0.15, 45.5152 + 0.15);
            Assert.InRange(loc.Lon, -122.6784 - 0.2, -122.6784 + 0.2);
        });
    }

    [Fact]
    public void Medical_specialists_carry_their_nucc_code_and_are_mostly_conventional_or_integrative()
    {
        var cardiologists = Sample.Where(l => l.Modalities[0] == "cardiology").ToList();
        Assert.NotEmpty(cardiologists);
        Assert.All(cardiologists, l => Assert.Contains("207RC0000X", l.Specialties));

        var specialists = Sample.Where(l => IsSpecialist(l.Modalities[0])).ToList();
        var mainstream = specialists.Count(l => l.Orientation is Orientation.Conventional or Orientation.Integrative);
        Assert.True(mainstream >= 0.85 * specialists.Count, $"{mainstream} of {specialists.Count}");
        Assert.All(specialists, l => Assert.Equal(LicensureKind.StateLicensed, l.Licensure.Kind));
    }

    [Fact]
    public void Herbalists_are_mostly_nature_oriented()
    {
        var herbalists = Sample.Where(l => l.Modalities[0] == "western-herbalism").ToList();
        Assert.NotEmpty(herbalists);
        Assert.True(herbalists.Count(l => l.Orientation == Orientation.NatureOriented) >= 0.7 * herbalists.Count);
    }

    [Fact]
    public void Traditional_practices_are_listed_as_traditional()
    {
        var curanderos = Sample.Where(l => l.Modalities is [var only] && only is "curanderismo" or "shamanic-practice").ToList();
        Assert.NotEmpty(curanderos);
        Assert.All(curanderos, l => Assert.Equal(LicensureKind.Traditional, l.Licensure.Kind));
    }

    [Fact]
    public void A_licence_held_for_any_listed_modality_is_shown()
    {
        string[] licensedProfessions = ["massage-therapy", "clinical-social-work", "tcm-acupuncture", "naturopathy", "cardiology"];
        var holders = Sample.Where(l => l.Modalities.Any(licensedProfessions.Contains)).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, l =>
        {
            Assert.Equal(LicensureKind.StateLicensed, l.Licensure.Kind);
            Assert.NotEmpty(l.Licensure.LicenceNumber);
            Assert.NotEmpty(l.Licensure.Jurisdiction);
        });
    }

    [Fact]
    public void Telehealth_and_accepting_new_clients_have_plausible_shares()
    {
        Assert.InRange(Sample.Count(l => l.Telehealth) / (double)Sample.Count, 0.3, 0.5);
        Assert.InRange(Sample.Count(l => l.AcceptingNewClients) / (double)Sample.Count, 0.8, 0.9);
        Assert.Contains(Sample, l => l.Terms.BarterAccepted.Count > 0);
        Assert.Contains(Sample, l => l.Terms.TimeBank);
        Assert.Contains(Sample, l => l.Terms.SlidingScaleMin > 0);
    }

    [Fact]
    public void Bios_mention_the_primary_modality()
    {
        Assert.All(Sample, l => Assert.Contains(Taxonomy.Find(l.Modalities[0])!.Name, l.Bio));
    }

    private static bool IsSpecialist(string code)
    {
        var m = Taxonomy.Find(code)!;
        return m.Category == ModalityCategory.Physician && m.NuccCode.StartsWith("20", StringComparison.Ordinal)
            && code is not ("family-medicine" or "internal-medicine" or "pediatrics" or "geriatric-medicine");
    }

    // The directory's listing rules (DESIGN.md "Limits"), restated here independently of the
    // service's validator so the generator is checked against the contract, not against itself.
    private static IEnumerable<string> Violations(Listing l)
    {
        if (l.DisplayName.Length is < 1 or > 120) yield return "display_name length";
        if (l.Bio.Length > 4000) yield return "bio length";
        if (l.Modalities.Count is < 1 or > 20) yield return "modalities count";
        foreach (var code in l.Modalities.Where(c => !Taxonomy.IsKnownModality(c))) yield return $"unknown modality {code}";
        if (l.Specialties.Count > 20) yield return "specialties count";
        foreach (var code in l.Specialties.Where(c => !Taxonomy.IsKnownSpecialty(c))) yield return $"unknown specialty {code}";
        if (l.Orientation == Orientation.Unspecified) yield return "orientation";
        if (l.LifestyleTags.Count > 30) yield return "lifestyle_tags count";
        foreach (var tag in l.LifestyleTags.Where(t => t.Length > 40 || !KebabCase().IsMatch(t))) yield return $"lifestyle tag {tag}";
        foreach (var v in LicensureViolations(l.Licensure)) yield return v;
        foreach (var v in ApproachViolations(l.Approach)) yield return v;
        foreach (var v in TermsViolations(l.Terms)) yield return v;
        if (l.Locations.Count > 10) yield return "locations count";
        foreach (var v in l.Locations.SelectMany(LocationViolations)) yield return v;
        if (l.Locations.Count == 0 && !l.Telehealth) yield return "neither a location nor telehealth";
        if (l.Languages.Count > 10) yield return "languages count";
        foreach (var language in l.Languages.Where(x => !LanguageTag().IsMatch(x))) yield return $"language {language}";
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(l.TimeZone) is null) yield return $"time_zone {l.TimeZone}";
    }

    private static IEnumerable<string> LicensureViolations(Licensure? licensure)
    {
        if (licensure is null || licensure.Kind == LicensureKind.Unspecified)
        {
            yield return "licensure kind";
            yield break;
        }
        if (licensure.Kind == LicensureKind.StateLicensed && (licensure.LicenceNumber.Length == 0 || licensure.Jurisdiction.Length == 0))
            yield return "state licence without number or jurisdiction";
        if (licensure.LicenceNumber.Length > 64) yield return "licence_number length";
        if (licensure.Credential.Length > 120) yield return "credential length";
    }

    private static IEnumerable<string> ApproachViolations(Approach? approach)
    {
        if (approach is null)
        {
            yield return "approach missing";
            yield break;
        }
        if (approach.IntakeMinutes is < 0 or > 480) yield return "intake_minutes";
        if (approach.TypicalTrialWeeks is < 0 or > 104) yield return "typical_trial_weeks";
        if (approach.ProductShare is < 0 or > 1) yield return "product_share";
        if (approach.CostEstimate < 0) yield return "cost_estimate";
        if (approach.CollaboratesWith.Count > 30) yield return "collaborates_with count";
        foreach (var code in approach.CollaboratesWith.Where(c => !Taxonomy.IsKnownModality(c))) yield return $"unknown collaborator {code}";
    }

    private static IEnumerable<string> TermsViolations(ExchangeTerms? terms)
    {
        if (terms is null)
        {
            yield return "terms missing";
            yield break;
        }
        if (!CurrencyCode().IsMatch(terms.Currency)) yield return $"currency {terms.Currency}";
        if (terms.FeeMin < 0 || terms.FeeMax < terms.FeeMin) yield return "fee range";
        if (terms.SlidingScaleMin < 0 || terms.SlidingScaleMin > terms.FeeMin) yield return "sliding_scale_min";
        if (terms.BarterAccepted.Count > 20) yield return "barter count";
    }

    private static IEnumerable<string> LocationViolations(Location location)
    {
        if (location.Lat is < -90 or > 90 || location.Lon is < -180 or > 180) yield return "lat/lon range";
        if (!CountryCode().IsMatch(location.Country)) yield return $"country {location.Country}";
        if (location.ServiceRadiusKm is < 0 or > 500) yield return "service_radius_km";
        if (location.City.Length > 100 || location.Region.Length > 100 || location.PostalCode.Length > 20) yield return "location text length";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    // BCP 47-like: a 2-3 letter language, then optional subtags (script, region, variant).
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}

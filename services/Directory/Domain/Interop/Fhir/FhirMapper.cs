using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using Hl7.Fhir.Model;
using NodaTime;
using FhirLocation = Hl7.Fhir.Model.Location;
using FhirSlot = Hl7.Fhir.Model.Slot;
using Instant = NodaTime.Instant;

namespace HealingNetwork.Directory.Domain.Interop.Fhir;

/// <summary>
/// A listing as a FHIR R4 Bundle (collection): Practitioner (name, qualification from licensure,
/// no telecom), PractitionerRole (modalities and NUCC specialties, weekly hours, whether new clients
/// are taken as Plan-Net's newpatients extension), one Location per
/// place, HealthcareService (name, bio, categories, weekly hours), and Schedule + one free Slot
/// per open slot. Resource ids derive from the listing id, so the export is repeatable.
/// </summary>
public static class FhirMapper
{
    public static Bundle ToBundle(Listing listing, WeeklyAvailability? schedule, IEnumerable<OpenSlot> openSlots,
        ModalityTaxonomy taxonomy, Instant from, Instant to)
    {
        var locations = listing.Locations.Select((l, i) => ToLocation(listing.Id, l, i)).ToList();
        var hours = schedule is null ? [] : AvailableTimes(schedule);
        var practitioner = ToPractitioner(listing);
        var service = ToHealthcareService(listing, taxonomy, locations, hours);
        var role = ToRole(listing, taxonomy, practitioner, service, locations, hours);
        var calendar = new Schedule
        {
            Id = listing.Id + "-schedule",
            Active = true,
            Actor = [Ref(role), Ref(practitioner)],
            ServiceType = listing.Modalities.Select(c => ModalityConcept(c, taxonomy)).ToList(),
            PlanningHorizon = new Hl7.Fhir.Model.Period { Start = Fhir(from), End = Fhir(to) },
        };
        var bundle = new Bundle { Id = listing.Id + "-bundle", Type = Bundle.BundleType.Collection, Timestamp = from.ToDateTimeOffset() };
        Resource[] resources = [practitioner, role, .. locations, service, calendar];
        foreach (var resource in resources.Concat(openSlots.Select(s => ToSlot(listing.Id, calendar, s))))
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = FhirSystems.Base + resource.TypeName + "/" + resource.Id, Resource = resource });
        return bundle;
    }

    private static Practitioner ToPractitioner(Listing listing)
    {
        var practitioner = new Practitioner
        {
            Id = listing.Id,
            Active = true,
            Name = [new HumanName { Text = Present(listing.DisplayName), Use = HumanName.NameUse.Official }],
            Communication = listing.Languages.Select(Language).ToList(),
        };
        if (Qualification(listing.Licensure) is { } qualification) practitioner.Qualification.Add(qualification);
        return practitioner;
    }

    private static Practitioner.QualificationComponent? Qualification(Licensure? licensure)
    {
        if (licensure is null || licensure.Kind == LicensureKind.Unspecified) return null;
        var kind = ProtoEnumNames.Name(licensure.Kind);
        var text = licensure.Credential.Length > 0 ? licensure.Credential : kind;
        var qualification = new Practitioner.QualificationComponent
        {
            Code = new CodeableConcept(FhirSystems.Base + "CodeSystem/licensure-kind", kind, text),
        };
        qualification.Code.Text = text;
        if (licensure.LicenceNumber.Length > 0)
            qualification.Identifier.Add(new Identifier(FhirSystems.Licence + Uri.EscapeDataString(licensure.Jurisdiction), licensure.LicenceNumber));
        if (licensure.Jurisdiction.Length > 0) qualification.Issuer = new ResourceReference { Display = licensure.Jurisdiction };
        return qualification;
    }

    /// <summary>
    /// The role is active while the listing is listed: FHIR's <c>active</c> says the role is in use, and
    /// a practitioner whose practice is full still practises and still sees their clients. Whether new
    /// clients are taken is Plan-Net's newpatients extension, which directory consumers read for that.
    /// </summary>
    private static PractitionerRole ToRole(Listing listing, ModalityTaxonomy taxonomy, Practitioner practitioner,
        HealthcareService service, IReadOnlyList<FhirLocation> locations, List<PractitionerRole.AvailableTimeComponent> hours) => new()
    {
        Id = listing.Id + "-role",
        Extension = [NewPatients(listing.AcceptingNewClients)],
        Active = true,
        Practitioner = Ref(practitioner),
        Code = listing.Modalities.Select(c => ModalityConcept(c, taxonomy)).ToList(),
        Specialty = listing.Specialties.Select(c => SpecialtyConcept(c, taxonomy)).ToList(),
        Location = locations.Select(Ref).ToList(),
        HealthcareService = [Ref(service)],
        AvailableTime = hours,
    };

    /// <summary>Plan-Net newpatients: one <c>acceptingPatients</c> sub-extension, <c>newpt</c> or <c>nopt</c>.</summary>
    private static Extension NewPatients(bool accepting) => new()
    {
        Url = FhirSystems.PlanNetNewPatients,
        Extension =
        [
            new Extension("acceptingPatients", accepting
                ? new CodeableConcept(FhirSystems.PlanNetAcceptingPatients, "newpt", "Accepting")
                : new CodeableConcept(FhirSystems.PlanNetAcceptingPatients, "nopt", "Not Accepting")),
        ],
    };

    private static HealthcareService ToHealthcareService(Listing listing, ModalityTaxonomy taxonomy,
        IReadOnlyList<FhirLocation> locations, List<PractitionerRole.AvailableTimeComponent> hours) => new()
    {
        Id = listing.Id + "-service",
        Active = true,
        Name = Present(listing.DisplayName),
        Comment = Present(listing.Bio),
        Category = listing.Modalities.Select(taxonomy.Find).OfType<Modality>().Select(m => m.Category).Distinct()
            .Select(c => new CodeableConcept(FhirSystems.ModalityCategory, ProtoEnumNames.Name(c))).ToList(),
        Type = listing.Modalities.Select(c => ModalityConcept(c, taxonomy)).ToList(),
        Specialty = listing.Specialties.Select(c => SpecialtyConcept(c, taxonomy)).ToList(),
        Location = locations.Select(Ref).ToList(),
        Communication = listing.Languages.Select(Language).ToList(),
        AvailableTime = hours.Select(h => new HealthcareService.AvailableTimeComponent
        {
            DaysOfWeek = h.DaysOfWeek, AvailableStartTime = h.AvailableStartTime, AvailableEndTime = h.AvailableEndTime,
        }).ToList(),
    };

    private static FhirLocation ToLocation(string listingId, V1.Location place, int index) => new()
    {
        Id = $"{listingId}-location-{index}",
        Status = FhirLocation.LocationStatus.Active,
        Mode = FhirLocation.LocationMode.Instance,
        Name = place.City.Length > 0 ? place.City : $"Location {index + 1}",
        Address = new Address { City = Present(place.City), State = Present(place.Region), PostalCode = Present(place.PostalCode), Country = Present(place.Country) },
        Position = new FhirLocation.PositionComponent { Latitude = (decimal)place.Lat, Longitude = (decimal)place.Lon },
    };

    private static FhirSlot ToSlot(string listingId, Schedule schedule, OpenSlot slot) => new()
    {
        Id = $"{listingId}-slot-{slot.StartUnixSeconds}",
        Schedule = Ref(schedule),
        Status = FhirSlot.SlotStatus.Free,
        Start = slot.Start.ToDateTimeOffset(),
        End = slot.End.ToDateTimeOffset(),
    };

    /// <summary>Weekly windows as availableTime: one entry per window, local times of the listing's zone.</summary>
    private static List<PractitionerRole.AvailableTimeComponent> AvailableTimes(WeeklyAvailability schedule) =>
        schedule.Windows
            .Where(w => WeeklySchedule.ToIsoDay(w.Weekday) is not null)
            .Select(w => new PractitionerRole.AvailableTimeComponent
            {
                DaysOfWeek = [Day(WeeklySchedule.ToIsoDay(w.Weekday)!.Value)],
                AvailableStartTime = w.Start + ":00",
                AvailableEndTime = FhirEndTime(w.End),
            }).ToList();

    /// <summary>
    /// A window's end as a FHIR time. FHIR's time stops at 23:59:59.999…, so a window that ends at
    /// midnight ("24:00") closes at "23:59:59.999", the last instant the type can say; anything else is the end as given.
    /// </summary>
    private static string FhirEndTime(string end) => end == LocalClock.EndOfDay ? "23:59:59.999" : end + ":00";

    private static DaysOfWeek? Day(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => DaysOfWeek.Mon, IsoDayOfWeek.Tuesday => DaysOfWeek.Tue, IsoDayOfWeek.Wednesday => DaysOfWeek.Wed,
        IsoDayOfWeek.Thursday => DaysOfWeek.Thu, IsoDayOfWeek.Friday => DaysOfWeek.Fri, IsoDayOfWeek.Saturday => DaysOfWeek.Sat,
        _ => DaysOfWeek.Sun,
    };

    private static CodeableConcept ModalityConcept(string code, ModalityTaxonomy taxonomy)
    {
        var modality = taxonomy.Find(code);
        var concept = new CodeableConcept(FhirSystems.Modality, code, modality?.Name ?? code);
        if (modality is { NuccCode.Length: > 0 }) concept.Coding.Add(new Coding(FhirSystems.Nucc, modality.NuccCode, modality.Name));
        return concept;
    }

    private static CodeableConcept SpecialtyConcept(string code, ModalityTaxonomy taxonomy) =>
        new(FhirSystems.Nucc, code, taxonomy.FindBySpecialty(code)?.Name ?? code);

    /// <summary>
    /// FHIR forbids empty strings ("" is not a value; an element is present with a value or absent),
    /// so an optional text the listing does not have is left out.
    /// </summary>
    private static string? Present(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static CodeableConcept Language(string tag) => new(FhirSystems.Bcp47, tag);

    private static ResourceReference Ref(Resource resource) => new(resource.TypeName + "/" + resource.Id);

    private static string Fhir(Instant instant) => instant.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
}

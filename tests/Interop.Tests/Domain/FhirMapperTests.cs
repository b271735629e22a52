using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Domain.Interop.Fhir;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using Hl7.Fhir.Model;
using NodaTime;
using FhirLocation = Hl7.Fhir.Model.Location;
using Duration = NodaTime.Duration;
using Instant = NodaTime.Instant;

namespace HealingNetwork.Interop.Tests.Domain;

public sealed class FhirMapperTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);
    private static readonly ModalityTaxonomy Taxonomy = ModalityTaxonomy.Default;

    private static readonly WeeklyAvailability Hours = new()
    {
        SessionMinutes = 60,
        Windows =
        {
            new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = 0 },
            new WeeklyWindow { Weekday = Weekday.Thursday, Start = "14:00", End = "17:00", LocationIndex = -1 },
        },
    };

    private static Bundle Export(Listing listing, WeeklyAvailability? hours, out string json)
    {
        var end = Now + Duration.FromDays(14);
        var slots = hours is null ? [] : new SlotCalculator(hours, DateTimeZoneProviders.Tzdb[listing.TimeZone]).Slots(Now, end).ToList();
        json = FhirJson.Write(FhirMapper.ToBundle(listing, hours, slots, Taxonomy, Now, end));
        return FhirJson.Read<Bundle>(json);
    }

    private static T Single<T>(Bundle bundle) where T : Resource => Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<T>());

    [Fact]
    public void No_generated_listing_has_an_empty_string_in_fhir()
    {
        foreach (var listing in SyntheticListings.Generate(300, seed: 5, now: Now.ToDateTimeOffset()))
        {
            listing.Id = Guid.CreateVersion7().ToString("N");
            Export(listing, Hours, out var json);
            Assert.Empty(EmptyStrings.In(json));
        }
    }

    [Fact]
    public void A_listing_without_region_postal_code_city_or_bio_has_no_empty_strings_in_fhir()
    {
        var listing = Samples.Naturopath();
        listing.Id = Guid.CreateVersion7().ToString("N");
        listing.Bio = "";
        listing.Locations[0].Region = "";
        listing.Locations[0].PostalCode = "";
        listing.Locations[0].City = "";

        var bundle = Export(listing, Hours, out var json);

        Assert.Empty(EmptyStrings.In(json));
        var address = Single<FhirLocation>(bundle).Address!;
        Assert.Equal((null, null, null, listing.Locations[0].Country), (address.State, address.PostalCode, address.City, address.Country));
    }

    [Fact]
    public void Generated_listings_parse_back_with_the_sdk_and_serialize_identically()
    {
        foreach (var listing in SyntheticListings.Generate(100, seed: 11, now: Now.ToDateTimeOffset()))
        {
            listing.Id = Guid.CreateVersion7().ToString("N");
            var parsed = Export(listing, Hours, out var json);

            Assert.Equal(json, FhirJson.Write(parsed));
            Assert.Equal(listing.DisplayName, Single<Practitioner>(parsed).Name.Single().Text);
            Assert.Equal(listing.Specialties, Single<PractitionerRole>(parsed).Specialty.Select(c => c.Coding.Single().Code));
            Assert.Equal(listing.Locations.Select(l => (decimal?)l.Lat), parsed.Entry.Select(e => e.Resource).OfType<FhirLocation>().Select(l => l.Position!.Latitude));
        }
    }

    [Fact]
    public void Hours_that_end_at_midnight_export_as_the_last_instant_a_fhir_time_can_say()
    {
        var listing = Samples.Naturopath();
        listing.Id = Guid.CreateVersion7().ToString("N");
        var lateHours = new WeeklyAvailability { SessionMinutes = 60 };
        lateHours.Windows.Add(new WeeklyWindow { Weekday = Weekday.Friday, Start = "20:00", End = "24:00", LocationIndex = 0 });

        var bundle = Export(listing, lateHours, out _);

        Assert.Equal("23:59:59.999", Single<PractitionerRole>(bundle).AvailableTime.Single().AvailableEndTime);
    }

    [Theory]
    [InlineData(true, "newpt")]
    [InlineData(false, "nopt")]
    public void A_listed_role_is_active_and_says_whether_it_takes_new_clients_with_plan_net_newpatients(bool accepting, string code)
    {
        var listing = Samples.Naturopath();
        listing.Id = Guid.CreateVersion7().ToString("N");
        listing.AcceptingNewClients = accepting;

        var role = Single<PractitionerRole>(Export(listing, Hours, out _));

        // A full practice is still a role in use: it was active=false, which FHIR readers take as retired.
        Assert.True(role.Active);
        var newPatients = Assert.Single(role.Extension);
        Assert.Equal("http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients", newPatients.Url);
        var acceptingPatients = Assert.Single(newPatients.Extension);
        Assert.Equal("acceptingPatients", acceptingPatients.Url);
        var coding = Assert.Single(Assert.IsType<CodeableConcept>(acceptingPatients.Value).Coding);
        Assert.Equal(("http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS", code), (coding.System, coding.Code));
    }

    [Fact]
    public void A_naturopath_exports_as_practitioner_role_location_service_schedule_and_free_slots()
    {
        var listing = Samples.Naturopath();
        listing.Id = Guid.CreateVersion7().ToString("N");

        var bundle = Export(listing, Hours, out _);

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var practitioner = Single<Practitioner>(bundle);
        Assert.Empty(practitioner.Telecom);
        Assert.Equal("ND-1234", practitioner.Qualification.Single().Identifier.Single().Value);
        Assert.Equal("US-OR", practitioner.Qualification.Single().Issuer!.Display);
        var role = Single<PractitionerRole>(bundle);
        Assert.Contains(role.Specialty.SelectMany(c => c.Coding), c => c.System == "http://nucc.org/provider-taxonomy" && c.Code == "175F00000X");
        Assert.Contains(role.Code.SelectMany(c => c.Coding), c => c.System == "http://nucc.org/provider-taxonomy" && c.Code == "175F00000X");
        Assert.Equal("Practitioner/" + listing.Id, role.Practitioner!.Reference);
        Assert.Equal([DaysOfWeek.Mon], role.AvailableTime[0].DaysOfWeek);
        Assert.Equal("09:00:00", role.AvailableTime[0].AvailableStartTime);
        Assert.Equal("17:00:00", role.AvailableTime[1].AvailableEndTime);
        var location = Single<FhirLocation>(bundle);
        Assert.Equal((decimal)Samples.PortlandLat, location.Position!.Latitude);
        Assert.Equal((decimal)Samples.PortlandLon, location.Position!.Longitude);
        Assert.Equal("97205", location.Address!.PostalCode);
        Assert.Equal("FhirLocation/" + location.Id, "Fhir" + role.Location.Single().Reference);
        var service = Single<HealthcareService>(bundle);
        Assert.Equal(listing.Bio, service.Comment);
        Assert.Equal(2, service.AvailableTime.Count);
        Assert.NotEmpty(service.Category);
        var schedule = Single<Schedule>(bundle);
        var slots = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Slot>().ToList();
        Assert.Equal(12, slots.Count); // two weeks x (3 Monday + 3 Thursday sessions)
        Assert.All(slots, s => Assert.Equal("Schedule/" + schedule.Id, s.Schedule!.Reference));
        Assert.All(slots, s => Assert.Equal(Hl7.Fhir.Model.Slot.SlotStatus.Free, s.Status));
    }
}

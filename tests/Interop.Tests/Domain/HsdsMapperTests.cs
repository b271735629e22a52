using System.Text.Json.Nodes;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Interop.Hsds;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using NodaTime;

namespace HealingNetwork.Interop.Tests.Domain;

public sealed class HsdsMapperTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);
    private static readonly ModalityTaxonomy Taxonomy = ModalityTaxonomy.Default;

    private static Listing WithId(Listing listing)
    {
        var copy = listing.Clone();
        copy.Id = Guid.CreateVersion7().ToString("N");
        return copy;
    }

    [Fact]
    public void Generated_listings_survive_export_to_hsds_json_and_import_field_for_field()
    {
        foreach (var original in SyntheticListings.Generate(300, seed: 7, now: Now.ToDateTimeOffset()).Select(WithId))
        {
            var json = HsdsJson.Write(HsdsMapper.ToHsds(original, null, Taxonomy, Now));

            Assert.True(HsdsImport.TryRead(json, out var imported, out var reason), reason);
            Assert.Equal(Listings.ClientFields(original), imported);
        }
    }

    [Fact]
    public void Export_uses_hsds_3_field_names_and_puts_extra_fields_in_attributes()
    {
        var listing = WithId(Samples.Naturopath());
        var schedule = new WeeklyAvailability
        {
            SessionMinutes = 60, Windows = { new WeeklyWindow { Weekday = Weekday.Tuesday, Start = "09:00", End = "12:00", LocationIndex = 0 } },
        };

        var service = JsonNode.Parse(HsdsJson.Write(HsdsMapper.ToHsds(listing, schedule, Taxonomy, Now)))!;

        Assert.Equal(Guid.ParseExact(listing.Id, "N").ToString(), (string?)service["id"]);
        Assert.Equal(listing.DisplayName, (string?)service["organization"]!["name"]);
        Assert.Equal((string?)service["organization"]!["id"], (string?)service["organization_id"]);
        Assert.Equal("active", (string?)service["status"]);
        var location = service["service_at_locations"]![0]!["location"]!;
        Assert.Equal("physical", (string?)location["location_type"]);
        Assert.Equal(Samples.PortlandLat, (double)location["latitude"]!);
        Assert.Equal("OR", (string?)location["addresses"]![0]!["state_province"]);
        Assert.Equal("Portland", (string?)location["addresses"]![0]!["address_1"]);
        Assert.Equal("virtual", (string?)service["service_at_locations"]![1]!["location"]!["location_type"]);
        var hours = service["schedules"]![0]!;
        Assert.Equal("WEEKLY", (string?)hours["freq"]);
        Assert.Equal("TU", (string?)hours["byday"]);
        Assert.Equal("09:00", (string?)hours["opens_at"]);
        Assert.Equal(-8.0, (double)hours["timezone"]!);
        Assert.Equal(90m, (decimal)service["cost_options"]![0]!["amount"]!);
        var attributes = service["attributes"]!.AsArray();
        Assert.Contains(attributes, a => (string?)a!["taxonomy_term"]!["taxonomy"] == HsdsVocabulary.Nucc
            && (string?)a["taxonomy_term"]!["code"] == "175F00000X" && (string?)a["link_entity"] == "service");
        Assert.Contains(attributes, a => (string?)a!["taxonomy_term"]!["code"] == "orientation" && (string?)a["value"] == "ORIENTATION_NATURE_ORIENTED");
    }

    [Fact]
    public void A_listing_without_bio_or_city_has_no_empty_strings_in_hsds_but_the_required_address_fields()
    {
        var listing = WithId(Samples.Naturopath());
        listing.Bio = "";
        listing.Locations[0].City = "";
        listing.Locations[0].Region = "";
        listing.Locations[0].PostalCode = "";

        var json = HsdsJson.Write(HsdsMapper.ToHsds(listing, null, Taxonomy, Now));

        Assert.All(EmptyStrings.In(json), path => Assert.Matches(@"^\$\.service_at_locations\[0\]\.location\.addresses\[0\]\.(address_1|city|state_province|postal_code)$", path));
        Assert.True(HsdsImport.TryRead(json, out var imported, out var reason), reason);
        Assert.Equal(Listings.ClientFields(listing), imported);
    }

    [Theory]
    [InlineData("{\"name\": ", "json:")]
    [InlineData("[]", "json:")]
    [InlineData("null", "json:")]
    [InlineData("""{"name":"A","service_at_locations":[{"location":{"location_type":"physical"}}]}""", "service.service_at_locations[0].location.latitude")]
    [InlineData("""{"name":"A","cost_options":[{"option":"session-fee-min","currency":"USD","amount":12.345}]}""", "service.cost_options[0].amount")]
    [InlineData("""{"name":"A","attributes":[{"taxonomy_term":{"taxonomy":"healingnetwork:listing-field","code":"approach.shared_decisions"},"value":"maybe"}]}""", "service.attributes[0].value")]
    [InlineData("""{"name":"A","attributes":[{"taxonomy_term":{"taxonomy":"healingnetwork:listing-field","code":"orientation"},"value":"ORIENTATION_SOMETIMES"}]}""", "service.attributes[0].value")]
    public void A_record_that_does_not_map_is_refused_with_the_field_named(string json, string expected)
    {
        Assert.False(HsdsImport.TryRead(json, out _, out var reason));
        Assert.Contains(expected, reason);
    }

    [Fact]
    public void Attributes_of_other_taxonomies_are_ignored()
    {
        const string json = """{"name":"A","attributes":[{"taxonomy_term":{"taxonomy":"open-eligibility","code":"101"}}]}""";

        Assert.True(HsdsImport.TryRead(json, out var listing, out var reason), reason);
        Assert.Equal("A", listing.DisplayName);
        Assert.Empty(listing.Modalities);
    }
}

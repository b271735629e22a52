using System.Text.Json.Nodes;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Interop.Hsds;
using HealingNetwork.Testing;
using NodaTime;

namespace HealingNetwork.Interop.Tests.Domain;

/// <summary>A refused HSDS record is explained to its publisher in the HSDS document's own terms.</summary>
public sealed class HsdsImportReasonTests
{
    private static readonly ModalityTaxonomy Taxonomy = ModalityTaxonomy.Default;

    /// <summary>The sample naturopath as HSDS JSON, with telehealth first so physical sites are not at index 0.</summary>
    private static JsonNode Record()
    {
        var listing = Samples.Naturopath();
        listing.Id = Guid.CreateVersion7().ToString("N");
        listing.Telehealth = true;
        var service = JsonNode.Parse(HsdsJson.Write(HsdsMapper.ToHsds(listing, null, Taxonomy, Instant.FromUtc(2026, 3, 2, 12, 0))))!;
        var sites = service["service_at_locations"]!.AsArray();
        var physical = sites.Where(s => (string?)s!["location"]!["location_type"] != HsdsVocabulary.Virtual).Select(s => s!.DeepClone()).ToList();
        var virtualSites = sites.Where(s => (string?)s!["location"]!["location_type"] == HsdsVocabulary.Virtual).Select(s => s!.DeepClone()).ToList();
        service["service_at_locations"] = new JsonArray([.. virtualSites, .. physical]);
        return service;
    }

    private static int IndexOf(JsonNode service, string taxonomy, string code) =>
        service["attributes"]!.AsArray().Select((a, i) => (a, i))
            .Single(x => (string?)x.a!["taxonomy_term"]!["taxonomy"] == taxonomy && (string?)x.a["taxonomy_term"]!["code"] == code).i;

    private static string Refusal(JsonNode service)
    {
        Assert.False(HsdsImport.TryRead(service.ToJsonString(), Taxonomy, out _, out var reason));
        Assert.DoesNotContain("listing.", reason);
        Assert.DoesNotContain("HealingNetwork", reason);
        Assert.DoesNotContain("System.", reason);
        return reason;
    }

    [Fact]
    public void The_sample_record_imports()
    {
        Assert.True(HsdsImport.TryRead(Record().ToJsonString(), Taxonomy, out _, out var reason), reason);
    }

    [Fact]
    public void A_missing_name_is_named_as_the_services_name()
    {
        var service = Record();
        service["name"] = "";

        Assert.StartsWith("service.name: ", Refusal(service));
    }

    [Fact]
    public void A_bad_latitude_names_the_service_at_location_it_came_from()
    {
        var service = Record();
        service["service_at_locations"]![1]!["location"]!["latitude"] = 123.0;

        Assert.StartsWith("service.service_at_locations[1].location.latitude: ", Refusal(service));
    }

    [Fact]
    public void An_unknown_modality_names_its_attribute()
    {
        var service = Record();
        var at = IndexOf(service, HsdsVocabulary.Modalities, "naturopathy");
        service["attributes"]![at]!["taxonomy_term"]!["code"] = "crystal-gazing-x";

        Assert.StartsWith($"service.attributes[{at}].taxonomy_term.code: unknown modality code", Refusal(service));
    }

    [Fact]
    public void A_listing_field_the_record_lacks_is_named_as_a_missing_attribute_term()
    {
        var service = Record();
        service["attributes"]!.AsArray().RemoveAt(IndexOf(service, HsdsVocabulary.ListingFields, "orientation"));

        var reason = Refusal(service);

        Assert.StartsWith("service.attributes: the 'orientation' term of taxonomy healingnetwork:listing-field must be", reason);
    }

    [Fact]
    public void A_value_of_the_wrong_json_type_names_its_json_path_and_no_dotnet_type()
    {
        var service = Record();
        service["cost_options"]![0]!["amount"] = "ninety";

        var reason = Refusal(service);

        Assert.StartsWith("json: $.cost_options[0].amount", reason);
    }

    [Fact]
    public void A_record_that_is_not_an_object_is_refused_without_dotnet_type_names()
    {
        Assert.False(HsdsImport.TryRead("[]", Taxonomy, out _, out var reason));
        Assert.StartsWith("json: the record", reason);
        Assert.DoesNotContain("HealingNetwork", reason);
    }
}

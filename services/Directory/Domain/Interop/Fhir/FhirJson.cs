using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HealingNetwork.Directory.Domain.Interop.Fhir;

/// <summary>FHIR R4 JSON through the Firely SDK's System.Text.Json converters (strict on parse).</summary>
public static class FhirJson
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir();

    public static string Write(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);

    /// <summary>Parses FHIR JSON; throws the SDK's DeserializationFailedException on anything invalid.</summary>
    public static T Read<T>(string json) where T : Resource =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("FHIR JSON was null.");
}

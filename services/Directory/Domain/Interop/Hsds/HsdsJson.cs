using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>HSDS JSON: snake_case field names, absent values left out, unknown fields ignored.</summary>
public static class HsdsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
    };

    /// <summary>A page of services as one JSON array.</summary>
    public static string Write(IEnumerable<HsdsService> services) => JsonSerializer.Serialize(services, Options);

    public static string Write(HsdsService service) => JsonSerializer.Serialize(service, Options);

    /// <summary>One service record; false with a reason (position in the text included) when it is not one.</summary>
    public static bool TryRead(string json, out HsdsService service, out string reason)
    {
        service = new HsdsService();
        reason = "";
        try
        {
            if (JsonSerializer.Deserialize<HsdsService>(json, Options) is { } parsed) { service = parsed; return true; }
            reason = "json: the record is null; send one HSDS service object";
        }
        catch (JsonException e)
        {
            // The exception's message names .NET types (HsdsService, Nullable<Decimal>): the publisher
            // is told where, in the JSON's own terms, and what was expected there.
            var where = e.Path is null or "$" ? "the record" : e.Path;
            var at = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            reason = $"json: {where}{at} is not valid JSON, or not of the type the HSDS 3.0 service schema has there; send one service object";
        }
        return false;
    }
}

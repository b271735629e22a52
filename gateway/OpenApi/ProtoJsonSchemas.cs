using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace HealingNetwork.Gateway.OpenApi;

/// <summary>
/// JSON Schemas for protobuf messages as JSON transcoding writes them (proto3 JSON mapping:
/// lowerCamel names, 64-bit integers as strings, enums as names, well-known types as their
/// JSON forms). Collects every message it references under components/schemas.
/// </summary>
public sealed class ProtoJsonSchemas
{
    private readonly SortedDictionary<string, JsonObject> _schemas = new(StringComparer.Ordinal);

    public JsonObject Components()
    {
        var components = new JsonObject();
        foreach (var (name, schema) in _schemas) components[name] = schema;
        return components;
    }

    /// <summary>A schema for the message: inline for well-known types, else a $ref.</summary>
    public JsonObject For(MessageDescriptor message)
    {
        if (WellKnown(message) is { } known) return known;
        if (!_schemas.ContainsKey(message.FullName))
        {
            var properties = new JsonObject();
            _schemas[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
            foreach (var field in message.Fields.InDeclarationOrder()) properties[field.JsonName] = For(field);
        }
        return new JsonObject { ["$ref"] = "#/components/schemas/" + message.FullName };
    }

    public JsonObject For(FieldDescriptor field)
    {
        if (field.IsMap)
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(field.MessageType.FindFieldByNumber(2)) };
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = Single(field) } : Single(field);
    }

    private JsonObject Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => Type("number", "double"),
        FieldType.Float => Type("number", "float"),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Type("integer", "int32"),
        FieldType.UInt32 or FieldType.Fixed32 => Type("integer", "int64"),
        // proto3 JSON writes 64-bit integers as strings so JavaScript keeps every digit.
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 => Type("string", "int64"),
        FieldType.Bool => Type("boolean"),
        FieldType.String => Type("string"),
        FieldType.Bytes => Type("string", "byte"),
        FieldType.Enum => new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray(field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)!).ToArray()),
        },
        _ => For(field.MessageType),
    };

    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => Type("string", "date-time"),
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["example"] = "1.5s" },
        "google.protobuf.FieldMask" => new JsonObject { ["type"] = "string", ["example"] = "displayName,bio" },
        "google.protobuf.Empty" => Type("object"),
        "google.protobuf.Struct" or "google.protobuf.Any" => Type("object"),
        "google.protobuf.Value" => new JsonObject(),
        "google.protobuf.StringValue" => Type("string"),
        "google.protobuf.BoolValue" => Type("boolean"),
        "google.protobuf.Int32Value" => Type("integer", "int32"),
        "google.protobuf.DoubleValue" => Type("number", "double"),
        _ => null,
    };

    private static JsonObject Type(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null) schema["format"] = format;
        return schema;
    }
}

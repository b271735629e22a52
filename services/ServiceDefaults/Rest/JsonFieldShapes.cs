using System.Text.Json;
using Google.Protobuf.Reflection;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// Walks well-formed JSON along a message's descriptor and names the first value that cannot
/// become its field: an enum name the enum lacks, null where a list belongs, text where a
/// number belongs. It explains a refusal JSON transcoding already made and never refuses
/// anything itself, so it may be more lenient than transcoding but should not be stricter.
/// Unknown members are skipped, as transcoding skips them.
/// </summary>
internal static class JsonFieldShapes
{
    public static FieldViolation? InMessage(JsonElement value, MessageDescriptor message, string path)
    {
        if (ScalarShapes.IsWrapper(message)) return InSingle(value, message.FindFieldByNumber(1), path);
        if (ScalarShapes.IsWellKnownScalar(message))
            return value.ValueKind == JsonValueKind.String && IsReadableText(value) && ScalarShapes.AcceptsWellKnownText(message, value.GetString()!)
                ? null
                : new FieldViolation(path, ScalarShapes.DescribeWellKnown(message));
        switch (message.FullName)
        {
            case "google.protobuf.Value": return null;
            case "google.protobuf.ListValue":
                return value.ValueKind == JsonValueKind.Array ? null : new FieldViolation(path, "must be a list");
        }
        if (value.ValueKind != JsonValueKind.Object) return new FieldViolation(path, "must be an object");
        if (message.FullName is "google.protobuf.Struct" or "google.protobuf.Any") return null;
        foreach (var member in value.EnumerateObject())
        {
            if (FieldPath.Find(message, member.Name) is not { } field) continue;
            if (InField(member.Value, field, FieldPath.Join(path, field.Name)) is { } violation) return violation;
        }
        return null;
    }

    public static FieldViolation? InField(JsonElement value, FieldDescriptor field, string path)
    {
        if (field.IsMap) return InMap(value, field, path);
        if (!field.IsRepeated) return InSingle(value, field, path);
        if (value.ValueKind == JsonValueKind.Null) return new FieldViolation(path, "must be a list ([] for none), not null");
        if (value.ValueKind != JsonValueKind.Array) return new FieldViolation(path, "must be a list");
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = FieldPath.Index(path, index++);
            if (item.ValueKind == JsonValueKind.Null) return new FieldViolation(itemPath, "must not be null");
            if (InSingle(item, field, itemPath) is { } violation) return violation;
        }
        return null;
    }

    private static FieldViolation? InMap(JsonElement value, FieldDescriptor field, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) return new FieldViolation(path, "must be an object of entries");
        var valueField = field.MessageType.FindFieldByNumber(2);
        foreach (var entry in value.EnumerateObject())
        {
            var entryPath = FieldPath.Key(path, entry.Name);
            if (entry.Value.ValueKind == JsonValueKind.Null) return new FieldViolation(entryPath, "must not be null");
            if (InSingle(entry.Value, valueField, entryPath) is { } violation) return violation;
        }
        return null;
    }

    /// <summary>A single value; null means "not set" and is always fine here.</summary>
    private static FieldViolation? InSingle(JsonElement value, FieldDescriptor field, string path)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (field.FieldType is FieldType.Message or FieldType.Group) return InMessage(value, field.MessageType, path);
        if (value.ValueKind == JsonValueKind.String && !IsReadableText(value)) return new FieldViolation(path, "must be valid Unicode text");
        var ok = value.ValueKind switch
        {
            JsonValueKind.String => ScalarShapes.AcceptsText(field, value.GetString()!),
            JsonValueKind.Number => field.FieldType switch
            {
                FieldType.Double or FieldType.Float => true,
                FieldType.Enum => value.TryGetInt32(out _),
                FieldType.String or FieldType.Bytes or FieldType.Bool => false,
                var type => ScalarShapes.IsWholeNumberInRange(type, value.GetRawText()),
            },
            JsonValueKind.True or JsonValueKind.False => field.FieldType == FieldType.Bool,
            _ => false,
        };
        return ok ? null : new FieldViolation(path, ScalarShapes.Describe(field));
    }

    /// <summary>Strings with lone surrogates or broken UTF-8 cannot be read as text.</summary>
    private static bool IsReadableText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

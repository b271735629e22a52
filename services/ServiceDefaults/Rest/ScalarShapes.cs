using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// What text a proto3 JSON field accepts (from a JSON string or a query parameter) and how to
/// describe that to a client, by field type rather than .NET type.
/// </summary>
internal static class ScalarShapes
{
    public static bool AcceptsText(FieldDescriptor field, string text) => field.FieldType switch
    {
        FieldType.String => true,
        FieldType.Bool => text is "true" or "false",
        FieldType.Bytes => IsBase64(text),
        // As text an enum value is its name; only a JSON number may give it by number.
        FieldType.Enum => field.EnumType.FindValueByName(text) is not null,
        FieldType.Double or FieldType.Float => text is "NaN" or "Infinity" or "-Infinity"
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        FieldType.Message => AcceptsWellKnownText(field.MessageType, text),
        _ => IsWholeNumberInRange(field.FieldType, text),
    };

    public static bool IsWholeNumberInRange(FieldType type, string text)
    {
        // Digits only, as transcoding reads them: "1.0" and "1e3" are refused there too.
        if (!decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return false;
        var (min, max) = Range(type);
        return value >= min && value <= max;
    }

    public static string Describe(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "must be text",
        FieldType.Bool => "must be true or false",
        FieldType.Bytes => "must be base64 text",
        FieldType.Enum => "must be one of " + string.Join(", ", field.EnumType.Values.Where(v => v.Number != 0).Select(v => v.Name)),
        FieldType.Double or FieldType.Float => "must be a number",
        FieldType.Message => DescribeWellKnown(field.MessageType),
        var type => $"must be a whole number from {Range(type).Min} to {Range(type).Max}",
    };

    /// <summary>The types proto3 JSON writes as a string or scalar rather than an object.</summary>
    public static bool IsWellKnownScalar(MessageDescriptor message) =>
        message.FullName is "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask"
        || IsWrapper(message);

    public static bool IsWrapper(MessageDescriptor message) =>
        message.File.Name == "google/protobuf/wrappers.proto";

    public static bool AcceptsWellKnownText(MessageDescriptor message, string text) => message.FullName switch
    {
        "google.protobuf.Timestamp" or "google.protobuf.Duration" => Parses(message, text),
        _ when IsWrapper(message) => AcceptsText(message.FindFieldByNumber(1), text),
        _ => true,
    };

    public static string DescribeWellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => "must be an RFC 3339 time such as \"2026-01-31T09:00:00Z\"",
        "google.protobuf.Duration" => "must be a duration in seconds such as \"90s\"",
        "google.protobuf.FieldMask" => "must be a comma-separated list of field names",
        _ when IsWrapper(message) => Describe(message.FindFieldByNumber(1)),
        _ => "must be an object",
    };

    private static bool Parses(MessageDescriptor message, string text)
    {
        try
        {
            JsonParser.Default.Parse(JsonSerializer.Serialize(text), message);
            return true;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsBase64(string text) =>
        Convert.TryFromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight((text.Length + 3) / 4 * 4, '='), new byte[text.Length], out _);

    private static (decimal Min, decimal Max) Range(FieldType type) => type switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int.MinValue, int.MaxValue),
        FieldType.UInt32 or FieldType.Fixed32 => (0, uint.MaxValue),
        FieldType.UInt64 or FieldType.Fixed64 => (0, ulong.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };
}

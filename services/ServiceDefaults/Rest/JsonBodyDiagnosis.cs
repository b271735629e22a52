using System.Text.Json;
using Google.Protobuf.Reflection;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// Why a JSON body could not become the request message: not JSON at all, JSON that breaks off
/// somewhere, or a value of the wrong shape for its field. The body is the whole request
/// (<c>body: "*"</c>) or one field of it (<c>body: "listing"</c>), whose name then starts every path.
/// </summary>
internal static class JsonBodyDiagnosis
{
    public static RequestReadError? Find(ReadOnlySpan<byte> json, MessageDescriptor request, string bodyField)
    {
        var field = bodyField == "*" ? null : request.FindFieldByName(bodyField);
        var root = field?.Name ?? "";
        if (IsBlank(json))
            return new RequestReadError("The request body is empty; send a JSON " + (field is { IsRepeated: true } ? "list ([] for none)." : "object ({} for none)."), null);

        if (JsonSyntaxCheck.Find(json) is { } syntax)
        {
            var where = $"is not valid JSON (line {syntax.Line}, position {syntax.Position})";
            var path = ProtoPath(syntax.Path, field is null ? request : field.FieldType == FieldType.Message ? field.MessageType : null, root, field);
            return path.Length == 0
                ? new RequestReadError($"The request body {where}.", null)
                : RequestReadError.Of(new FieldViolation(path, where));
        }

        using var document = JsonDocument.Parse(json.ToArray());
        var value = document.RootElement;
        if (field is null)
            return value.ValueKind == JsonValueKind.Object
                ? Of(JsonFieldShapes.InMessage(value, request, ""))
                : new RequestReadError("The request body must be a JSON object" + (value.ValueKind == JsonValueKind.Null ? ", not null." : "."), null);
        // A null body field would be "not set" inside a message, but as the whole body it is refused.
        if (value.ValueKind == JsonValueKind.Null)
            return RequestReadError.Of(new FieldViolation(root, field.IsRepeated ? "must be a list ([] for none), not null" : "must be an object, not null"));
        return Of(JsonFieldShapes.InField(value, field, root));
    }

    private static RequestReadError? Of(FieldViolation? violation) => violation is null ? null : RequestReadError.Of(violation);

    private static bool IsBlank(ReadOnlySpan<byte> json) => json.Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>
    /// Member names as written become proto field names, as far as the descriptors can follow
    /// them; the path stops at the deepest field it can name (an unknown member, say).
    /// </summary>
    private static string ProtoPath(IReadOnlyList<object> segments, MessageDescriptor? message, string root, FieldDescriptor? bodyField)
    {
        var path = root;
        var inList = bodyField is { IsRepeated: true };
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                if (!inList) break;
                path = FieldPath.Index(path, index);
                inList = false;
                continue;
            }
            if (message is null || inList || FieldPath.Find(message, (string)segment) is not { } field) break;
            path = FieldPath.Join(path, field.Name);
            message = field.FieldType == FieldType.Message && !field.IsMap ? field.MessageType : null;
            inList = field.IsRepeated;
        }
        return path;
    }
}

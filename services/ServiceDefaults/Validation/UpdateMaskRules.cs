using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.ServiceDefaults.Validation;

/// <summary>
/// An update mask (AIP-134) checked against the message it updates. A path may name fields by
/// their proto names (<c>max_travel_km</c>) or in the proto3 JSON form (<c>maxTravelKm</c>): REST
/// clients write the JSON form, and JSON transcoding hands a query-string mask over unchanged, while
/// <see cref="FieldMask.Merge(IMessage, IMessage, FieldMask.MergeOptions)"/> knows only proto names.
/// </summary>
public static class UpdateMaskRules
{
    /// <summary>
    /// The mask's writable paths in proto names. Each path (as the client wrote it) that is output only
    /// or not a field of <paramref name="message"/> is added to <paramref name="v"/> and left out, not
    /// thrown: the caller goes on to check the values of the paths that are fields, so one answer names
    /// every bad path and every bad value together.
    /// </summary>
    public static FieldMask Checked(FieldMask mask, MessageDescriptor message, IReadOnlySet<string> outputOnly, Violations v)
    {
        var named = new FieldMask();
        for (var i = 0; i < mask.Paths.Count; i++)
        {
            var written = mask.Paths[i];
            var path = ProtoNames(written, message);
            if (outputOnly.Contains(path.Split('.')[0])) v.Add($"update_mask.paths[{i}]", $"'{Clip(written)}' is output only");
            else if (!FieldMask.IsValid(message, path)) v.Add($"update_mask.paths[{i}]", $"'{Clip(written)}' is not a field of {message.Name}");
            else named.Paths.Add(path);
        }
        return named;
    }

    /// <summary>
    /// Each segment that names a field by proto or JSON name becomes its proto name; from the first
    /// segment that names nothing the path is left as written, so the check above refuses it.
    /// Matching the descriptor's JSON names exactly (rather than converting case) keeps
    /// <c>DISPLAY_NAME</c> and <c>Display_Name</c> refused.
    /// </summary>
    private static string ProtoNames(string path, MessageDescriptor message)
    {
        var segments = path.Split('.');
        MessageDescriptor? within = message;
        for (var i = 0; i < segments.Length && within is not null; i++)
        {
            var field = within.FindFieldByName(segments[i])
                ?? within.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == segments[i]);
            if (field is null) break;
            segments[i] = field.Name;
            within = field.FieldType == FieldType.Message ? field.MessageType : null;
        }
        return string.Join('.', segments);
    }

    private static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";
}

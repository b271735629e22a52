using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace HealingNetwork.Profiles.Domain;

/// <summary>
/// AIP-134: a masked field the request leaves out is cleared. For a field with presence (proto3
/// <c>optional</c>, such as each of <c>MatchWeights</c>) cleared means unset, so its documented default
/// applies again. <see cref="FieldMask.Merge(IMessage, IMessage, FieldMask.MergeOptions)"/> cannot do
/// that: it reads a scalar's value, which for an unset optional is 0, and writes it, which marks the
/// field present — an explicit 0 ("ignore this factor") where the client asked for the default.
/// </summary>
public static class MaskedPresence
{
    /// <summary>
    /// After <paramref name="mask"/> was merged from <paramref name="patch"/> into <paramref name="updated"/>,
    /// unsets each masked scalar with presence that <paramref name="patch"/> does not set (also when a
    /// message on its path is missing from the patch). Paths must already be checked proto names.
    /// </summary>
    public static void ClearUnsetOptionals(FieldMask mask, IMessage patch, IMessage updated)
    {
        foreach (var path in mask.Paths)
        {
            var segments = path.Split('.');
            IMessage? source = patch;
            IMessage? target = updated;
            for (var i = 0; i < segments.Length - 1 && target is not null; i++)
            {
                var step = target.Descriptor.FindFieldByName(segments[i]);
                if (step is null || step.FieldType != FieldType.Message || step.IsRepeated || step.IsMap) { target = null; break; }
                source = source is null ? null : (IMessage?)step.Accessor.GetValue(source);
                target = (IMessage?)step.Accessor.GetValue(target);
            }
            if (target?.Descriptor.FindFieldByName(segments[^1]) is not { } leaf) continue;
            if (leaf.IsRepeated || leaf.FieldType == FieldType.Message || !leaf.HasPresence) continue;
            if (source is null || !leaf.Accessor.HasValue(source)) leaf.Accessor.Clear(target);
        }
    }
}

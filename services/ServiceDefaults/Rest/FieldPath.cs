using Google.Protobuf.Reflection;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// Field paths as the services' own validation writes them ("listing.locations[0].lat": proto
/// field names, list indexes in brackets), so a client sees one style whichever check spoke.
/// </summary>
internal static class FieldPath
{
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string Key(string path, string key) => $"{path}[\"{key}\"]";

    /// <summary>A field by the name a client may use for it in JSON: its JSON name or its proto name.</summary>
    public static FieldDescriptor? Find(MessageDescriptor message, string name) =>
        message.FindFieldByName(name) ?? message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name);
}

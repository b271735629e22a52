using System.Text.Json.Nodes;

namespace HealingNetwork.Interop.Tests.Domain;

/// <summary>Finds the JSON paths whose value is an empty (or blank) string.</summary>
public static class EmptyStrings
{
    public static IReadOnlyList<string> In(string json)
    {
        var found = new List<string>();
        Walk(JsonNode.Parse(json), found);
        return found;
    }

    private static void Walk(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, child) in o) Walk(child, found); break;
            case JsonArray a: foreach (var child in a) Walk(child, found); break;
            case JsonValue v when v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s): found.Add(v.GetPath()); break;
        }
    }
}

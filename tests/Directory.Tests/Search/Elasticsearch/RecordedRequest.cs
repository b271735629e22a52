using System.Text.Json.Nodes;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>One HTTP request the Elasticsearch client sent: what a real cluster would have received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Body)
{
    /// <summary>
    /// The request as a JSON node for golden comparison: the body parsed as JSON, or as an array of
    /// lines when it is NDJSON (bulk), or null when empty.
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["method"] = Method,
        ["path"] = PathAndQuery,
        ["body"] = ParseBody(Body),
    };

    private static JsonNode? ParseBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 1)
            return JsonNode.Parse(lines[0]);
        return new JsonArray(lines.Select(line => JsonNode.Parse(line)).ToArray());
    }
}

using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>
/// Compares recorded requests with golden/{name}.json after normalising the JSON (keys sorted), so
/// only a change in meaning fails. Run with UPDATE_GOLDEN=1 to rewrite the files after an intended
/// change, then review the diff like any other code change. The files are read from the source tree
/// (located through the compiler) so an update is visible without a rebuild.
/// </summary>
public static class GoldenFile
{
    /// <summary>Quotes and ampersands stay readable in the files (they are never embedded in HTML).</summary>
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void AssertMatches(string name, IEnumerable<RecordedRequest> requests)
    {
        var actual = Normalise(new JsonArray(requests.Select(r => (JsonNode)r.ToJson()).ToArray()));
        var path = Path.Combine(GoldenDirectory(), name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual.ToJsonString(Indented) + "\n");
            return;
        }
        Assert.True(File.Exists(path), $"Missing golden file {name}.json; run the tests with UPDATE_GOLDEN=1 to create it.");
        var expected = Normalise(JsonNode.Parse(File.ReadAllText(path))!);
        Assert.Equal(expected.ToJsonString(Indented), actual.ToJsonString(Indented));
    }

    /// <summary>Sorts object keys recursively; arrays keep their order (it is meaningful in sort and bulk).</summary>
    public static JsonNode Normalise(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Normalise(p.Value)))),
        JsonArray array => new JsonArray(array.Select(item => item is null ? null : Normalise(item)).ToArray()),
        _ => node.DeepClone(),
    };

    private static string GoldenDirectory([CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "golden");
}

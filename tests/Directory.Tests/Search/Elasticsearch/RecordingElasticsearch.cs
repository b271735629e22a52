using System.IO.Compression;
using System.Net;
using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>
/// A stand-in for an Elasticsearch node: the real client (serialisation, URL building, response
/// parsing) talks to an <see cref="HttpMessageHandler"/> that records each request and answers with
/// a canned response, so tests pin the exact JSON the cluster would receive without a cluster.
/// </summary>
public sealed class RecordingElasticsearch : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Answers for "METHOD path-prefix" (longest match wins); otherwise <see cref="DefaultResponse"/>.</summary>
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _responses = new(StringComparer.Ordinal);

    public RecordingElasticsearch()
    {
        Client = new ElasticsearchClient(new ElasticsearchClientSettings(
            new SingleNodePool(new Uri("http://localhost:9200")),
            new HttpRequestInvoker((_, _) => this)));
    }

    public ElasticsearchClient Client { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests;

    /// <summary>Answers requests whose "METHOD /path" starts with <paramref name="methodAndPath"/>.</summary>
    public RecordingElasticsearch Respond(string methodAndPath, HttpStatusCode status, string body)
    {
        _responses[methodAndPath] = (status, body);
        return this;
    }

    public void Forget() => _requests.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request.Content, cancellationToken);
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        _requests.Add(new RecordedRequest(request.Method.Method, pathAndQuery, body));
        var (status, responseBody) = Answer($"{request.Method.Method} {pathAndQuery}");
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(responseBody, Encoding.UTF8, "application/json"),
        };
        // The client refuses to talk to anything that does not say it is Elasticsearch.
        response.Headers.Add("X-Elastic-Product", "Elasticsearch");
        return response;
    }

    /// <summary>The client gzips request bodies by default; the recording keeps what the node decodes.</summary>
    private static async Task<string> ReadBodyAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
            return "";
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        if (!content.Headers.ContentEncoding.Contains("gzip"))
            return Encoding.UTF8.GetString(bytes);
        await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private (HttpStatusCode, string) Answer(string methodAndPath)
    {
        var match = _responses.Keys
            .Where(key => methodAndPath.StartsWith(key, StringComparison.Ordinal))
            .MaxBy(key => key.Length);
        return match is null ? DefaultResponse(methodAndPath) : _responses[match];
    }

    /// <summary>What a healthy node with an existing, empty index answers.</summary>
    private static (HttpStatusCode, string) DefaultResponse(string methodAndPath) => methodAndPath switch
    {
        _ when methodAndPath.StartsWith("HEAD ", StringComparison.Ordinal) => (HttpStatusCode.OK, ""),
        _ when methodAndPath.Contains("/_bulk", StringComparison.Ordinal) => (HttpStatusCode.OK, """{"took":1,"errors":false,"items":[]}"""),
        _ when methodAndPath.Contains("/_search", StringComparison.Ordinal) => (HttpStatusCode.OK, CannedResponses.EmptySearch),
        _ when methodAndPath.Contains("/_count", StringComparison.Ordinal) => (HttpStatusCode.OK, """{"count":0,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
        _ when methodAndPath.Contains("/_delete_by_query", StringComparison.Ordinal) => (HttpStatusCode.OK, """{"took":1,"timed_out":false,"total":0,"deleted":0,"batches":0,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}"""),
        _ when methodAndPath.StartsWith("PUT ", StringComparison.Ordinal) && methodAndPath.Contains("/_doc/", StringComparison.Ordinal) => (HttpStatusCode.OK, """{"_index":"healing-listings-meta","_id":"checkpoint","_version":1,"result":"created","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1}"""),
        _ when methodAndPath.StartsWith("PUT ", StringComparison.Ordinal) => (HttpStatusCode.OK, """{"acknowledged":true,"shards_acknowledged":true,"index":"healing-listings"}"""),
        _ => (HttpStatusCode.NotFound, """{"error":{"type":"not_found","reason":"no canned response"},"status":404}"""),
    };
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace HealingNetwork.Gateway.Tests;

/// <summary>
/// Stands in for every service behind the gateway: REST calls get 200 with JSON saying what
/// arrived; gRPC calls get a trailers-only NOT_FOUND "reached backend", so a test can tell a
/// gateway refusal from a call that got through.
/// </summary>
public sealed class FakeBackend : HttpMessageHandler
{
    public const string ReachedBackend = "reached backend";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content?.Headers.ContentType?.MediaType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            var grpc = new HttpResponseMessage(HttpStatusCode.OK) { Version = request.Version, Content = new ByteArrayContent([]) };
            grpc.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            grpc.Headers.Add("grpc-status", "5");
            grpc.Headers.Add("grpc-message", Uri.EscapeDataString(ReachedBackend));
            return grpc;
        }
        // A REST service reads the whole JSON body before it answers; so does this one, which is when the
        // gateway's server cuts off a streamed body over its limit.
        if (request.Content is not null) await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        var json = $$"""{"path":"{{request.RequestUri!.AbsolutePath}}","authorized":{{(request.Headers.Authorization is not null ? "true" : "false")}}}""";
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Version = request.Version,
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }
}

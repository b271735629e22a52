using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace HealingNetwork.Reliability.Tests.Resilience;

/// <summary>A server that is always UNAVAILABLE (a trailers-only gRPC answer), counting the attempts per method.</summary>
public sealed class UnavailableHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(request.RequestUri!.Segments[^1], 1, (_, n) => n + 1);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.Headers.Add("grpc-status", "14");
        response.Headers.Add("grpc-message", "down");
        return Task.FromResult(response);
    }
}

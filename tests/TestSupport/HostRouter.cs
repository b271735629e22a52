namespace HealingNetwork.Testing;

/// <summary>
/// Routes outgoing HTTP by host name ("directory", "profiles") to in-process test servers, so
/// services call each other over the real gRPC pipeline without sockets.
/// </summary>
public sealed class HostRouter(IReadOnlyDictionary<string, Func<HttpMessageHandler>> hosts) : HttpMessageHandler
{
    private readonly Dictionary<string, HttpMessageInvoker> _invokers =
        hosts.ToDictionary(h => h.Key, h => new HttpMessageInvoker(h.Value()), StringComparer.OrdinalIgnoreCase);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri!.Host;
        return _invokers.TryGetValue(host, out var invoker)
            ? invoker.SendAsync(request, cancellationToken)
            : throw new HttpRequestException($"No test server for host '{host}'.");
    }
}

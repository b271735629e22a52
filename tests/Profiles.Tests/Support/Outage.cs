using System.Net.Sockets;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>
/// A downstream service that can go down: requests pass to the real test server until
/// <see cref="Down"/> is set, then fail as a refused connection does: an HttpRequestException over a
/// SocketException, which grpc-dotnet reports as UNAVAILABLE.
/// </summary>
public sealed class Outage(HttpMessageHandler server) : DelegatingHandler(server)
{
    public volatile bool Down;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Down
            ? throw new HttpRequestException("Connection refused (test outage).", new SocketException((int)SocketError.ConnectionRefused))
            : base.SendAsync(request, cancellationToken);
}

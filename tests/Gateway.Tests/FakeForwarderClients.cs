using Yarp.ReverseProxy.Forwarder;

namespace HealingNetwork.Gateway.Tests;

/// <summary>Every YARP cluster forwards to the in-process <see cref="FakeBackend"/>.</summary>
public sealed class FakeForwarderClients : IForwarderHttpClientFactory
{
    public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) => new(new FakeBackend());
}

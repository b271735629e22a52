using System.Net;
using System.Net.Sockets;

namespace HealingNetwork.Browser.Tests;

/// <summary>A TCP port nothing listens on right now, so test systems don't collide with a dev run.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

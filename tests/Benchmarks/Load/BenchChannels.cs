using Grpc.Net.Client;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>gRPC channels over h2c on loopback, with several HTTP/2 connections so 64 callers do not queue on one.</summary>
public static class BenchChannels
{
    public static GrpcChannel To(int port) => GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionLifetime = Timeout.InfiniteTimeSpan },
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });
}

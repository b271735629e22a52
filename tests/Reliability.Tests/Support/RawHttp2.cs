using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace HealingNetwork.Reliability.Tests.Support;

/// <summary>
/// HTTP/2 requests with a hand-made application/grpc body, for what even a byte-level gRPC client
/// cannot send: truncated length-prefixed frames, a compressed flag without compression, a
/// length larger than the body, no frame at all.
/// </summary>
public sealed class RawHttp2(int port) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler())
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The grpc-status the server answered (from trailers or a trailers-only response), or null if it sent none.</summary>
    public async Task<(HttpStatusCode Http, StatusCode? Grpc)> PostAsync(string path, byte[] body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body), Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("authorization", authorization);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.First()
            : response.Headers.TryGetValues("grpc-status", out var h) ? h.First() : null;
        return (response.StatusCode, status is null ? null : (StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A length-prefixed gRPC message: flag byte, 4-byte big-endian length, payload.</summary>
    public static byte[] Frame(byte[] payload, bool compressed = false, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public void Dispose() => _http.Dispose();
}

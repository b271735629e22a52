using Microsoft.AspNetCore.Http;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// A REST request body that may not hold more than <paramref name="maxBytes"/>: reading past that
/// fails (413), and <see cref="Exceeded"/> says so afterwards. JSON transcoding holds the body to the
/// gRPC message limit only when Content-Length announces it; a body sent without one (chunked) was
/// read whole, however large, so the limit is kept here, as the bytes arrive.
/// </summary>
internal sealed class RequestBodyLimitStream(Stream inner, int maxBytes) : Stream
{
    private long _read;

    public bool Exceeded { get; private set; }

    public int MaxBytes => maxBytes;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        if (_read <= maxBytes) return read;
        Exceeded = true;
        throw new BadHttpRequestException(RequestTooLarge.Message(maxBytes), StatusCodes.Status413PayloadTooLarge);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

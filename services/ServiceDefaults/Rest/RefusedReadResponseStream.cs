namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// The response body of a transcoded REST call. At the first write or flush it asks once
/// whether the call is a refusal of an unreadable request; if so, grpc-dotnet's own error text
/// (which quotes .NET exceptions) is dropped so <see cref="JsonRequestErrorMiddleware"/> can
/// answer instead. Otherwise every byte passes straight through.
/// </summary>
internal sealed class RefusedReadResponseStream(Stream inner, Func<bool> isRefusedRead) : Stream
{
    private bool? _drop;

    /// <summary>True once output was dropped: nothing has reached the client yet.</summary>
    public bool Dropped => _drop == true;

    private bool Drop => _drop ??= isRefusedRead();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
        if (!Drop) inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Drop ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!Drop) inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Drop ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>A request body sent without Content-Length (chunked), as a streaming client sends it.</summary>
public sealed class UnannouncedLength : HttpContent
{
    private readonly HttpContent inner;

    public UnannouncedLength(HttpContent inner)
    {
        this.inner = inner;
        Headers.ContentType = inner.Headers.ContentType;
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream, context);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

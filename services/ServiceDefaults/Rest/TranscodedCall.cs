namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// A request feature on every REST call that JSON transcoding serves: whether grpc-dotnet got
/// as far as the handler. If it did not, the request itself could not be read, and the
/// refusal is ours to word (see <see cref="JsonRequestErrorMiddleware"/>).
/// </summary>
public sealed class TranscodedCall
{
    public bool HandlerReached { get; private set; }

    public void MarkHandlerReached() => HandlerReached = true;
}

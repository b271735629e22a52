namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// A REST body over the largest message the service takes (GrpcServiceOptions.MaxReceiveMessageSize)
/// is not a malformed request: the client must send less, not fix a field. So it gets what the gateway
/// answers a body too large for it: 413 with RESOURCE_EXHAUSTED, rather than transcoding's 400.
/// </summary>
internal static class RequestTooLarge
{
    public static string Message(int maxBytes) => $"The request body is larger than the {maxBytes} bytes a request may have.";
}

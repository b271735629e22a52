using System.Text;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// The wire form of a grpc-message header. The gRPC over HTTP/2 spec percent-encodes only the
/// UTF-8 bytes outside 0x20–0x7E, and '%' itself; everything else goes as is. Encoding more (as
/// Uri.EscapeDataString does with ':' and spaces) is not wrong for clients that decode every
/// escape, but grpc-js and others show such messages undecoded ("Sign in%3A this call…").
/// </summary>
public static class GrpcStatusMessage
{
    public static string Encode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var wire = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%') wire.Append((char)b);
            else wire.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return wire.ToString();
    }
}

using Google.Protobuf;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>One bad-input request: the bytes sent, to which method, with which authorization header.</summary>
public sealed record GrpcCase(string Name, string Service, string Method, byte[] Body, string? Authorization, CaseKind Kind)
{
    public const int MaxMessageBytes = 1024 * 1024;

    public static GrpcCase Of(string name, string service, string method, IMessage request, string? authorization) =>
        Of(name, service, method, request.ToByteArray(), authorization);

    /// <summary>The kind is decided by parsing the bytes here with the same generated parser the service uses.</summary>
    public static GrpcCase Of(string name, string service, string method, byte[] body, string? authorization)
    {
        var kind = body.Length > MaxMessageBytes ? CaseKind.Oversize : Parses(service, method, body) ? CaseKind.WellFormed : CaseKind.Unparseable;
        return new GrpcCase(name, service, method, body, authorization, kind);
    }

    private static bool Parses(string service, string method, byte[] body)
    {
        try
        {
            Rpc.Method(service, method).InputType.Parser.ParseFrom(body);
            return true;
        }
        catch (InvalidProtocolBufferException) { return false; }
    }

    public override string ToString() => $"{Method}: {Name}";
}

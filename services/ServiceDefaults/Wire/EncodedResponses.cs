using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;

namespace HealingNetwork.ServiceDefaults.Wire;

/// <summary>
/// Responses whose protobuf encoding a handler already holds (a cached answer, or one it just
/// serialized for the cache): the handler attaches the bytes to the message it returns, and the
/// method's marshaller (<see cref="Marshaller{T}"/>, bound with <see cref="ResponseMarshallerBinder"/>)
/// writes them instead of serializing the message again. A message without attached bytes is
/// serialized by the generated code, so the marshaller is safe for every response of the method.
/// <para>
/// The attached bytes are what gRPC clients receive; JSON transcoding reads the message object, so a
/// handler only returns a message that is not itself complete (a shell around cached bytes) to
/// gRPC callers (<see cref="IsGrpc"/>).
/// </para>
/// </summary>
public static class EncodedResponses
{
    private static readonly ConditionalWeakTable<IMessage, byte[]> Attached = new();

    /// <summary>Attaches <paramref name="encoding"/> as <paramref name="message"/>'s wire form and returns the message.</summary>
    public static T Attach<T>(T message, byte[] encoding) where T : class, IMessage
    {
        Attached.AddOrUpdate(message, encoding);
        return message;
    }

    /// <summary>A response marshaller that writes attached encodings as they are.</summary>
    public static Marshaller<T> Marshaller<T>(MessageParser<T> parser) where T : class, IMessage<T> =>
        Marshallers.Create<T>(Serialize, context => parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    private static void Serialize<T>(T message, SerializationContext context) where T : class, IMessage<T>
    {
        if (Attached.TryGetValue(message, out var encoding))
        {
            Attached.Remove(message);
            context.Complete(encoding);
            return;
        }
        WriteMessage(message, context);
    }

    /// <summary>Serializes a message with the generated code, as Grpc.Tools' marshallers do.</summary>
    public static void WriteMessage(IMessage message, SerializationContext context)
    {
        context.SetPayloadLength(message.CalculateSize());
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }

    /// <summary>Whether the call came over gRPC (or gRPC-Web), so its response goes through the method's marshaller.</summary>
    public static bool IsGrpc(ServerCallContext context) =>
        context.GetHttpContext().Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}

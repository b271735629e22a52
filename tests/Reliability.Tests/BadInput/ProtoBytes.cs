using Google.Protobuf;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>Hand-written protobuf wire format, for values the generated code would never write.</summary>
public static class ProtoBytes
{
    /// <summary>A length-delimited field (string, bytes or message) with exactly these payload bytes.</summary>
    public static byte[] LengthDelimited(int field, byte[] payload)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(payload));
        output.Flush();
        return stream.ToArray();
    }

    /// <summary>
    /// <paramref name="message"/> with a later occurrence of a field appended: for a string the last
    /// value wins; for a message field the two are merged, so a nested field can be overridden.
    /// </summary>
    public static byte[] Append(IMessage message, params byte[][] fields) => [.. message.ToByteArray(), .. fields.SelectMany(f => f)];

    /// <summary>Byte sequences that are not valid UTF-8.</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Bytes)> InvalidUtf8 =
    [
        ("lone continuation", [0x61, 0x80, 0x62]),
        ("truncated two-byte", [0xC3, 0x28]),
        ("0xFF", [0xFF, 0xFE]),
        ("encoded surrogate", [0xED, 0xA0, 0x80]),
        ("overlong slash", [0xC0, 0xAF, 0x2E, 0x2E]),
        ("five-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
    ];
}

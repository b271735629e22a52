using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace HealingNetwork.Reliability.Tests.Fuzzing;

/// <summary>
/// Seeded random mutation of a valid request: each field, with some probability, gets an extreme
/// or random value — strings with unicode, lone surrogates, control characters or thousands of
/// characters; numbers at their limits, NaN and infinities; enum numbers no one defined; repeated
/// fields of random sizes; nested messages dropped or mutated in turn.
/// </summary>
public sealed class MessageMutator(Random random)
{
    private const double MutationRate = 0.35;
    private static readonly string[] Tokens = ["", "naturopathy", "en", "USD", "America/Los_Angeles", "09:00", "2030-01-01", "*:*", "listing:{x}", "../.."];

    public T Mutate<T>(T valid) where T : IMessage
    {
        var message = (T)valid.Descriptor.Parser.ParseFrom(valid.ToByteString());
        MutateFields(message, depth: 0);
        return message;
    }

    private void MutateFields(IMessage message, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap || random.NextDouble() > MutationRate) continue;
            if (field.IsRepeated) MutateList(field, (IList)field.Accessor.GetValue(message), depth);
            else if (field.FieldType == FieldType.Message) MutateMessage(message, field, depth);
            else field.Accessor.SetValue(message, Scalar(field));
        }
    }

    private void MutateMessage(IMessage message, FieldDescriptor field, int depth)
    {
        if (random.Next(4) == 0 || depth >= 3) { field.Accessor.Clear(message); return; }
        var child = (IMessage?)field.Accessor.GetValue(message) ?? field.MessageType.Parser.ParseFrom(ByteString.Empty);
        MutateFields(child, depth + 1);
        field.Accessor.SetValue(message, child);
    }

    private void MutateList(FieldDescriptor field, IList list, int depth)
    {
        var size = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 4), 2 => random.Next(4, 60), _ => random.Next(60, 500) };
        var existing = list.Cast<object>().ToList();
        list.Clear();
        for (var i = 0; i < size; i++)
        {
            if (field.FieldType != FieldType.Message) list.Add(random.Next(3) == 0 && existing.Count > 0 ? existing[random.Next(existing.Count)] : Scalar(field));
            else
            {
                var template = existing.Count > 0 ? ((IMessage)existing[random.Next(existing.Count)]).ToByteString() : ByteString.Empty;
                var item = field.MessageType.Parser.ParseFrom(template);
                if (depth < 3) MutateFields(item, depth + 1);
                list.Add(item);
            }
        }
    }

    private object Scalar(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => String(),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Double => Pick(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -double.MaxValue, double.Epsilon, -0.0, (random.NextDouble() - 0.5) * 2e6),
        FieldType.Float => Pick(float.NaN, float.PositiveInfinity, float.MaxValue, (float)random.NextDouble()),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick(0, -1, 1, int.MinValue, int.MaxValue, random.Next(-1000, 1000)),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(0L, -1L, 1L, long.MinValue, long.MaxValue, random.NextInt64(-1_000_000_000, 1_000_000_000)),
        FieldType.UInt32 or FieldType.Fixed32 => Pick(0u, uint.MaxValue, (uint)random.Next()),
        FieldType.UInt64 or FieldType.Fixed64 => Pick(0ul, ulong.MaxValue, (ulong)random.NextInt64()),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, Pick(random.Next(-3, 12), int.MaxValue, int.MinValue, random.Next())),
        FieldType.Bytes => ByteString.CopyFrom(Enumerable.Range(0, random.Next(64)).Select(_ => (byte)random.Next(256)).ToArray()),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    private string String() => random.Next(6) switch
    {
        0 => Tokens[random.Next(Tokens.Length)],
        1 => new string((char)random.Next(0x20, 0x7F), random.Next(1, 3_000)),
        2 => new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(0, 0x20)).ToArray()),
        3 => new string(Enumerable.Range(0, random.Next(1, 50)).Select(_ => (char)random.Next(0xD800, 0xE000)).ToArray()),
        4 => new string(Enumerable.Range(0, random.Next(1, 300)).Select(_ => (char)random.Next(0, 0x10000)).ToArray()),
        _ => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)))),
    };

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];
}

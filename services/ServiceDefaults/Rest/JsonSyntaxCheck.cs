using System.Text.Json;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// Reads a body as JSON token by token, as transcoding's reader does (no comments, no trailing
/// commas, depth 64), and on the first syntax error reports where: the line and position, and
/// the member names and indexes leading there, as the client wrote them.
/// </summary>
internal static class JsonSyntaxCheck
{
    public sealed record Failure(IReadOnlyList<object> Path, long Line, long Position);

    public static Failure? Find(ReadOnlySpan<byte> json)
    {
        // One frame per open object or array: the member being read, or the open element's index.
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
                var frame = frames.Count > 0 ? frames[^1] : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frame!.Member = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frame?.EnterValue();
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        if (frames.Count > 0) frames[^1].ValueDone();
                        break;
                    default:
                        frame?.EnterValue();
                        frame?.ValueDone();
                        break;
                }
            }
            return null;
        }
        catch (JsonException ex)
        {
            return new Failure(frames.SelectMany(f => f.Segment()).ToArray(), (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);
        }
    }

    private sealed class Frame(bool isArray)
    {
        private int _index = -1;
        private bool _inValue;

        public string? Member { get; set; }

        /// <summary>A value starts: in an array, the next element.</summary>
        public void EnterValue()
        {
            if (isArray) _index++;
            _inValue = true;
        }

        /// <summary>A value ended: an error after it belongs to this object or array, not to it.</summary>
        public void ValueDone()
        {
            Member = null;
            _inValue = false;
        }

        public IEnumerable<object> Segment()
        {
            if (isArray && _inValue) yield return _index;
            else if (!isArray && Member is not null) yield return Member;
        }
    }
}

using System.Reflection;
using Google.Protobuf.Reflection;

namespace HealingNetwork.Directory.Domain.Interop;

/// <summary>Proto enum values by their contract names ("ORIENTATION_NATURE_ORIENTED"), as REST clients see them.</summary>
public static class ProtoEnumNames
{
    public static string Name<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    public static bool TryParse<T>(string name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Name(candidate) != name) continue;
            value = candidate;
            return true;
        }
        value = default;
        return false;
    }
}

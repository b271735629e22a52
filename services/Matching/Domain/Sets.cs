using Google.Protobuf.Collections;

namespace HealingNetwork.Matching.Domain;

/// <summary>Set arithmetic over short repeated fields without allocating (the lists hold a handful of codes).</summary>
internal static class Sets
{
    /// <summary>|distinct(a) ∩ b|, as <c>a.Intersect(b).Count()</c> counts it.</summary>
    public static int SharedCount(RepeatedField<string> a, RepeatedField<string> b)
    {
        var count = 0;
        for (var i = 0; i < a.Count; i++)
        {
            if (b.Contains(a[i]) && FirstAt(a, i)) count++;
        }
        return count;
    }

    /// <summary>True when any element of <paramref name="a"/> is in <paramref name="b"/>.</summary>
    public static bool Overlap(RepeatedField<string> a, RepeatedField<string> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (b.Contains(a[i])) return true;
        }
        return false;
    }

    private static bool FirstAt(RepeatedField<string> a, int i)
    {
        for (var j = 0; j < i; j++)
        {
            if (string.Equals(a[j], a[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}

namespace HealingNetwork.ServiceDefaults.Languages;

/// <summary>
/// When two BCP 47 language tags (listings' and profiles' <c>languages</c>) name a language two people
/// share: the same primary language subtag, ignoring case. A client who wrote "pt-BR" speaks with a
/// practitioner who wrote "pt" or "pt-PT", and "zh-Hant" with "zh": regions and scripts are how a
/// language is written or where it is spoken, not whether a conversation works. Search (both backends)
/// and Matching's hard filter all read "shares a language" through this one rule.
/// </summary>
public static class LanguageTag
{
    /// <summary>
    /// The primary language subtag, lower-case: "pt" for "pt-BR", "zh" for "zh-Hant-TW", "en" for "EN".
    /// A tag is validated before it is stored (FieldRules.Language), so it starts with 2-3 letters;
    /// anything else is returned whole, lower-cased, and still compares with itself.
    /// </summary>
    public static string Primary(string tag)
    {
        var end = tag.IndexOf('-');
        return (end < 0 ? tag : tag[..end]).ToLowerInvariant();
    }

    /// <summary>True when the two tags name the same language (<see cref="Primary"/> subtags equal).</summary>
    public static bool SameLanguage(string a, string b) =>
        PrimarySpan(a).Equals(PrimarySpan(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when any tag of <paramref name="a"/> names the same language as one of <paramref name="b"/>.</summary>
    public static bool ShareAny(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                if (SameLanguage(a[i], b[j])) return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> PrimarySpan(string tag)
    {
        var end = tag.IndexOf('-');
        return end < 0 ? tag : tag.AsSpan(0, end);
    }
}

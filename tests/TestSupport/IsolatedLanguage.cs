namespace HealingNetwork.Testing;

/// <summary>
/// A language no other test's listings speak, for a hard filter that keeps a test's candidate pool
/// its own in a shared store. Languages are shared by primary subtag (LanguageTag), so the primary
/// subtag itself is random: three letters (17,576 of them; every sample listing speaks a two-letter one).
/// </summary>
public static class IsolatedLanguage
{
    public static string New()
    {
        Span<char> primary = stackalloc char[3];
        for (var i = 0; i < primary.Length; i++) primary[i] = (char)('a' + Random.Shared.Next(26));
        return new string(primary) + "-" + Guid.NewGuid().ToString("N")[..8];
    }
}

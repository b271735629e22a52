namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>A few real taxonomy codes, for rules tested without the Directory service.</summary>
public static class KnownModalities
{
    public static readonly IReadOnlySet<string> Codes =
        new HashSet<string>(["naturopathy", "massage-therapy", "yoga-therapy", "cardiology", "acupuncture"], StringComparer.Ordinal);
}

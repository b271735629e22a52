using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>The approach signals a listing is indexed with (the true ones of its <c>Approach</c>).</summary>
public static class ApproachSignals
{
    public const string SharedDecisions = "shared_decisions";
    public const string InformsOfOptions = "informs_of_options";
    public const string LifestyleFocus = "lifestyle_focus";

    public static IEnumerable<string> Of(Approach? approach)
    {
        if (approach is null) yield break;
        if (approach.SharedDecisions) yield return SharedDecisions;
        if (approach.InformsOfOptions) yield return InformsOfOptions;
        if (approach.LifestyleFocus) yield return LifestyleFocus;
    }
}

namespace HealingNetwork.Matching.Scenarios;

/// <summary>
/// Both systems mark a listing stale after <see cref="StaleAfter"/> without confirmation (90 days
/// in production), so the staleness scenario can wait for it instead of faking time.
/// </summary>
public static class ScenarioClock
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(8);

    public const string StaleAfterSetting = "00:00:08";
}

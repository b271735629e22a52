using HealingNetwork.Directory.V1;

namespace HealingNetwork.Matching.Scenarios;

/// <summary>
/// Both systems mark a listing stale after <see cref="StaleAfter"/> without confirmation (90 days
/// in production), so the staleness scenario can wait for it instead of faking time. It is long
/// enough that no other scenario's listings go stale while it runs (a scenario once failed when a
/// busy machine took 11 s over one, with 8 s here): the staleness scenario's listing is made when
/// the system starts instead (<see cref="AgingPractice"/>), so its wait mostly overlaps the others.
/// </summary>
public static class ScenarioClock
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    public const string StaleAfterSetting = "00:01:00";
}

/// <summary>
/// The staleness scenario's practice, created in its own world as soon as the system is up, so it
/// ages past <see cref="ScenarioClock.StaleAfter"/> while the other scenarios run.
/// </summary>
public sealed class AgingPractice
{
    private AgingPractice(ScenarioWorld world, Listing listing) => (World, Listing) = (world, listing);

    public ScenarioWorld World { get; }

    public Listing Listing { get; }

    public static async Task<AgingPractice> CreateAsync(IScenarioSystem system)
    {
        var world = new ScenarioWorld(system);
        return new AgingPractice(world, await world.PracticeAsync("Quiet Valley Naturopathy", "naturopathy", 3));
    }

    /// <summary>Waits until the listing is past the stale threshold by the server's own stamp.</summary>
    public Task WaitUntilStaleAsync()
    {
        var staleAt = Listing.LastConfirmedTime.ToDateTimeOffset() + ScenarioClock.StaleAfter + TimeSpan.FromSeconds(1);
        var left = staleAt - DateTimeOffset.UtcNow;
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
    }
}

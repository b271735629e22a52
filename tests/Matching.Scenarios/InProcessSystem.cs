using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Scenarios;

/// <summary>Directory (Lucene on disk), Profiles and Matching in-process over the real gRPC pipeline.</summary>
public sealed class InProcessSystem : IScenarioSystem, IAsyncLifetime
{
    private readonly TestSystem _system = new(new Dictionary<string, string?> { ["Directory:StaleAfter"] = ScenarioClock.StaleAfterSetting });

    public DirectoryService.DirectoryServiceClient Directory => _system.Directory;
    public ProfileService.ProfileServiceClient Profiles => _system.Profiles;
    public MatchingService.MatchingServiceClient Matching => _system.Matching;

    public AgingPractice Aging { get; private set; } = null!;

    public async Task InitializeAsync() => Aging = await AgingPractice.CreateAsync(this);

    public Task DisposeAsync() => _system.DisposeAsync().AsTask();
}

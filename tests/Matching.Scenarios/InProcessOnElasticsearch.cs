#if ELASTICSEARCH_CONTRACT
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Scenarios;

/// <summary>
/// Every scenario again with Directory searching Elasticsearch instead of Lucene: the same
/// expectations (who is first, who never appears, what the reasons say) must hold on both
/// backends. Needs a live cluster, so it is compiled only with -p:ElasticsearchContract=true:
/// <code>
///   ELASTICSEARCH_URL=http://localhost:9200 dotnet test tests/Matching.Scenarios -p:ElasticsearchContract=true
/// </code>
/// </summary>
public sealed class InProcessOnElasticsearch(ElasticsearchScenarioSystem system) : MatchingScenarios(system), IClassFixture<ElasticsearchScenarioSystem>;

/// <summary>Directory (on the Elasticsearch at ELASTICSEARCH_URL), Profiles and Matching in-process over the real gRPC pipeline.</summary>
public sealed class ElasticsearchScenarioSystem : IScenarioSystem, IAsyncLifetime
{
    private readonly TestSystem _system = new(new Dictionary<string, string?>
    {
        ["Directory:StaleAfter"] = ScenarioClock.StaleAfterSetting,
        ["ConnectionStrings:elasticsearch"] = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL")
            ?? throw new InvalidOperationException("ELASTICSEARCH_URL is not set: the Elasticsearch scenarios need a live cluster"),
    });

    public DirectoryService.DirectoryServiceClient Directory => _system.Directory;
    public ProfileService.ProfileServiceClient Profiles => _system.Profiles;
    public MatchingService.MatchingServiceClient Matching => _system.Matching;

    public AgingPractice Aging { get; private set; } = null!;

    public async Task InitializeAsync() => Aging = await AgingPractice.CreateAsync(this);

    public Task DisposeAsync() => _system.DisposeAsync().AsTask();
}
#endif

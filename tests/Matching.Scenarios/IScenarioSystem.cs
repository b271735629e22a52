using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Scenarios;

/// <summary>The system a scenario runs against, as a client sees it: the three services' gRPC clients.</summary>
public interface IScenarioSystem
{
    DirectoryService.DirectoryServiceClient Directory { get; }
    ProfileService.ProfileServiceClient Profiles { get; }
    MatchingService.MatchingServiceClient Matching { get; }

    /// <summary>The staleness scenario's practice, made when the system started.</summary>
    AgingPractice Aging { get; }
}

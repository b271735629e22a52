using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Grpc.Net.Client;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing.System;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Scenarios;

/// <summary>The whole AppHost (Aspire testing builder), started once per scenario class; calls go through the gateway.</summary>
public sealed class GatewaySystem : IScenarioSystem, IAsyncLifetime
{
    private RunningSystem? _system;
    private GrpcChannel? _channel;

    private GrpcChannel Channel => _channel ?? throw new InvalidOperationException("The system has not started.");

    public DirectoryService.DirectoryServiceClient Directory => new(Channel);
    public ProfileService.ProfileServiceClient Profiles => new(Channel);
    public MatchingService.MatchingServiceClient Matching => new(Channel);

    public AgingPractice Aging { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _system = await RunningSystem.StartAsync(configure: builder =>
            builder.CreateResourceBuilder<ProjectResource>("directory")
                .WithEnvironment("Directory__StaleAfter", ScenarioClock.StaleAfterSetting));
        _channel = _system.GatewayChannel();
        Aging = await AgingPractice.CreateAsync(this);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_system is not null) await _system.DisposeAsync();
    }
}

namespace HealingNetwork.Matching.Scenarios;

/// <summary>Every scenario against the real running system, through the gateway.</summary>
public sealed class ThroughTheGateway(GatewaySystem system) : MatchingScenarios(system), IClassFixture<GatewaySystem>;

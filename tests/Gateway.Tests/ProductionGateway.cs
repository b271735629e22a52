namespace HealingNetwork.Gateway.Tests;

/// <summary>The gateway as deployed: not the Development environment.</summary>
public sealed class ProductionGateway() : GatewayHost(10_000, 10_000, "Production");

namespace HealingNetwork.Gateway.Tests;

/// <summary>A gateway whose clients may burst 5 requests, then 1 per second.</summary>
public sealed class SmallBucketGateway() : GatewayHost(burst: 5, perSecond: 1, environment: "Development");

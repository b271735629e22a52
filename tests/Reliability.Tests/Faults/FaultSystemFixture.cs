using HealingNetwork.Testing.System;

namespace HealingNetwork.Reliability.Tests.Faults;

/// <summary>
/// A running system of its own for the fault tests, which kill and restart its services. Its
/// gateway rate limit is raised so the load reaches the services (the limiter has its own tests).
/// </summary>
public sealed class FaultSystemFixture : IAsyncLifetime
{
    private RunningSystem? _system;

    public RunningSystem System => _system ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _system = await RunningSystem.StartAsync(settings: new Dictionary<string, string>
    {
        ["RateLimiting:PermitsPerSecond"] = "100000",
        ["RateLimiting:Burst"] = "100000",
    });

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}

using HealingNetwork.Testing.System;

namespace HealingNetwork.Reliability.Tests.Faults;

/// <summary>A running system of its own for the fault tests, which kill and restart its services.</summary>
public sealed class FaultSystemFixture : IAsyncLifetime
{
    private readonly RunningSystemFixture _inner = new();

    public RunningSystem System => _inner.System;

    public Task InitializeAsync() => _inner.InitializeAsync();

    public Task DisposeAsync() => _inner.DisposeAsync();
}

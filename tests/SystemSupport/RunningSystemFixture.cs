using Xunit;

namespace HealingNetwork.Testing.System;

/// <summary>One running system shared by a test class (starting it costs seconds).</summary>
public sealed class RunningSystemFixture : IAsyncLifetime
{
    private RunningSystem? _system;

    public RunningSystem System => _system ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _system = await RunningSystem.StartAsync();

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}

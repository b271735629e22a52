using HealingNetwork.Testing;

namespace HealingNetwork.Interop.Tests.Api;

/// <summary>One in-process system (real gRPC pipeline, real store, Lucene on disk) per test class.</summary>
public sealed class InteropSystemFixture : IAsyncLifetime
{
    public TestSystem System { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => System.DisposeAsync().AsTask();
}

using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>One in-process system (real gRPC pipeline, real store, Lucene on disk) per test class.</summary>
public sealed class DirectorySystemFixture : IAsyncLifetime
{
    public TestSystem System { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => System.DisposeAsync().AsTask();
}

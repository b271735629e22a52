using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Api;

/// <summary>
/// One in-process system (Directory, Profiles, Matching over the real gRPC pipeline, a real
/// store, Lucene on disk) shared by the API test classes. They run one after another in one
/// collection: the match cache is keyed by the directory generation, so a listing written by a
/// parallel class would make a "served from the cache" assertion flaky.
/// </summary>
public sealed class MatchingSystem : IAsyncLifetime
{
    public TestSystem System { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => System.DisposeAsync().AsTask();
}

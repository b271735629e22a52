using HealingNetwork.Testing.System;

namespace HealingNetwork.Reliability.Tests.Support;

/// <summary>The bad-input corpus and the fuzzer share one running system; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSystemCollection : ICollectionFixture<RunningSystemFixture>
{
    public const string Name = "shared running system";
}

using HealingNetwork.Testing.System;

namespace HealingNetwork.EndToEnd.Tests;

/// <summary>
/// The end-to-end classes share one running system and run one after the other: several AppHosts
/// starting at once on a 2-core machine (beside the other test assemblies) only slow each other down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<RunningSystemFixture>
{
    public const string Name = "running system";
}

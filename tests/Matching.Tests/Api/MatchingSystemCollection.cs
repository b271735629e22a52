namespace HealingNetwork.Matching.Tests.Api;

/// <summary>The API test classes that share <see cref="MatchingSystem"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MatchingSystemCollection : ICollectionFixture<MatchingSystem>
{
    public const string Name = "matching system";
}

namespace HealingNetwork.Matching.Scenarios;

/// <summary>
/// Every scenario again in-process on the Lucene backend: the same expectations hold, so the
/// ranking does not depend on the hosting. (With ELASTICSEARCH_URL a third fixture would run them
/// on Elasticsearch; not available on this machine.)
/// </summary>
public sealed class InProcessOnLucene(InProcessSystem system) : MatchingScenarios(system), IClassFixture<InProcessSystem>;

namespace HealingNetwork.Matching.Scenarios;

/// <summary>
/// Every scenario again in-process on the Lucene backend: the same expectations hold, so the
/// ranking does not depend on the hosting. <see cref="InProcessOnElasticsearch"/> runs them a third
/// time on Elasticsearch (compiled with -p:ElasticsearchContract=true, needs ELASTICSEARCH_URL).
/// </summary>
public sealed class InProcessOnLucene(InProcessSystem system) : MatchingScenarios(system), IClassFixture<InProcessSystem>;

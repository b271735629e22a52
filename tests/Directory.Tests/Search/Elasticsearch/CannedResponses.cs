namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>Response bodies as Elasticsearch 9 sends them.</summary>
public static class CannedResponses
{
    public const string EmptySearch =
        """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""";

    public const string IndexMissing =
        """{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [healing-listings-meta]"}],"type":"index_not_found_exception","reason":"no such index [healing-listings-meta]"},"status":404}""";
}

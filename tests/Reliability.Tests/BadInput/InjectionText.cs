namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>Search text that looks like query syntax, scripts or store keys: it must stay plain text.</summary>
public static class InjectionText
{
    public static readonly IReadOnlyList<string> Queries =
    [
        "*:* OR (a", "*:*", "display_name:*", "a AND (b OR", "\"unterminated", "field:[* TO *]", "a~99", "?*?*?*", "/.*/", "\\", "((((((((((",
        "a^1e308", "+-!():^[]\"{}~*?|&/", "NOT NOT NOT", "{\"query\":{\"match_all\":{}}}", "{\"script\":{\"source\":\"ctx._source.clear()\"}}",
        "\"} }, \"size\": 10000, \"x\": {\"", "redis.call('FLUSHALL')", "return redis.call('KEYS','*')", "]]; redis.call('DEL','directory:seq') --[[",
        "listing:{x}", "directory:seq", "profile:{abc}", "\r\nFLUSHALL\r\n", "*3\r\n$3\r\nSET\r\n", "\0", "a\0b", "%00", "'; DROP TABLE listings; --",
        "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", new string('a', 200), new string('a', 201), new string('(', 200),
        string.Join(" OR ", Enumerable.Repeat("a", 60)), "\U0001F33F herbs", "\u202e reversed", "naïve café",
    ];
}

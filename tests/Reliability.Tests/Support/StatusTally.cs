using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace HealingNetwork.Reliability.Tests.Support;

/// <summary>Counts of outcomes per group and status, printed for the closing note.</summary>
public sealed class StatusTally
{
    private readonly ConcurrentDictionary<(string Group, string Status), int> _counts = new();

    public void Add(string group, string status) => _counts.AddOrUpdate((group, status), 1, (_, n) => n + 1);

    public int Total => _counts.Values.Sum();

    public int Count(string group) => _counts.Where(kv => kv.Key.Group == group).Sum(kv => kv.Value);

    public void WriteTo(ITestOutputHelper output, string title)
    {
        output.WriteLine($"{title}: {Total} inputs");
        foreach (var group in _counts.Keys.Select(k => k.Group).Distinct().Order(StringComparer.Ordinal))
        {
            var line = string.Join(", ", _counts.Where(kv => kv.Key.Group == group)
                .OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key.Status} {kv.Value}"));
            output.WriteLine($"  {group} ({Count(group)}): {line}");
        }
    }
}

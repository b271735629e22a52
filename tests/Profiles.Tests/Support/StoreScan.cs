using System.Text;
using HealingNetwork.Testing;
using StackExchange.Redis;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>
/// Everything in the test store as text: every key (found with SCAN) with every value of every
/// type, so a test can look for data that must not be there.
/// </summary>
public static class StoreScan
{
    public sealed record Entry(string Key, string Text);

    public static async Task<IReadOnlyList<Entry>> AllAsync()
    {
        var connection = TestStore.Instance.Connection;
        var db = connection.GetDatabase();
        var entries = new List<Entry>();
        foreach (var server in connection.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: "*", pageSize: 500))
                entries.Add(new Entry(key.ToString(), await ReadAsync(db, key)));
        }
        return entries;
    }

    /// <summary>Keys whose name or value contains <paramref name="text"/>.</summary>
    public static async Task<IReadOnlyList<string>> KeysMentioningAsync(string text) =>
        (await AllAsync())
            .Where(e => e.Key.Contains(text, StringComparison.OrdinalIgnoreCase) || e.Text.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Key)
            .ToArray();

    private static async Task<string> ReadAsync(IDatabase db, RedisKey key)
    {
        var parts = await (await db.KeyTypeAsync(key) switch
        {
            RedisType.String => One(db.StringGetAsync(key)),
            RedisType.Hash => Many(db.HashGetAllAsync(key), h => [h.Name, h.Value]),
            RedisType.Set => Many(db.SetMembersAsync(key), m => [m]),
            RedisType.SortedSet => Many(db.SortedSetRangeByRankAsync(key), m => [m]),
            RedisType.List => Many(db.ListRangeAsync(key), m => [m]),
            RedisType.Stream => Many(db.StreamRangeAsync(key), e => [e.Id, .. e.Values.SelectMany(v => new[] { v.Name, v.Value })]),
            _ => Task.FromResult<IReadOnlyList<RedisValue>>([]),
        });
        return string.Join("\n", parts.Where(p => !p.IsNull).Select(Text));
    }

    private static async Task<IReadOnlyList<RedisValue>> One(Task<RedisValue> value) => [await value];

    private static async Task<IReadOnlyList<RedisValue>> Many<T>(Task<T[]> values, Func<T, RedisValue[]> parts) =>
        (await values).SelectMany(parts).ToArray();

    private static string Text(RedisValue value) => Encoding.UTF8.GetString((byte[])value!);
}

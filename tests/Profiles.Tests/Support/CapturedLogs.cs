using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>
/// A logger provider that keeps every entry at every level — message, structured values, scopes
/// and exceptions — so a test can assert what was (never) logged.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    internal IExternalScopeProvider Scopes => _scopes;

    internal void Add(string entry) => _entries.Enqueue(entry);

    public void Dispose() { }
}

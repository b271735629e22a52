using System.Text;
using Microsoft.Extensions.Logging;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>Writes everything about one log entry into <see cref="CapturedLogs"/>.</summary>
internal sealed class CapturedLogger(string category, CapturedLogs sink) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => sink.Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values) entry.Append(" | ").Append(key).Append('=').Append(value);
        }
        sink.Scopes.ForEachScope((scope, b) => b.Append(" | scope ").Append(scope), entry);
        if (exception is not null) entry.Append('\n').Append(exception);
        sink.Add(entry.ToString());
    }
}

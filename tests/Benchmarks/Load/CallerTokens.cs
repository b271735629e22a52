using Grpc.Core;
using HealingNetwork.Testing;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>Signed call options per user, minted once (minting is not what is measured).</summary>
public sealed class CallerTokens
{
    private readonly Dictionary<string, CallOptions> _options = new(StringComparer.Ordinal);

    public CallOptions For(string subject)
    {
        lock (_options)
        {
            if (!_options.TryGetValue(subject, out var options)) _options[subject] = options = Tokens.As(subject);
            return options;
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// Per-client token bucket (`RateLimiting` section). A client is the token's `sub` when signed
/// in, else the remote IP, so one noisy caller cannot starve the others.
/// </summary>
public sealed class ClientRateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sustained requests per second per client.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Largest burst a client may send at once (the bucket size).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 100;
}

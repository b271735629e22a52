namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>Availability settings (configuration section "Availability").</summary>
public sealed class AvailabilityOptions
{
    /// <summary>How long a hold keeps a slot for its client before it lapses. Default 5 minutes.</summary>
    public TimeSpan HoldTtl { get; set; } = TimeSpan.FromMinutes(5);
}

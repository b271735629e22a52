namespace HealingNetwork.Profiles.Storage;

/// <summary>What deleting a profile found: it decides whether the owner's bookings must be erased too.</summary>
public enum ProfileErasure
{
    /// <summary>There was no such profile (a concurrent delete took it).</summary>
    NotFound,

    /// <summary>Deleted; the owner has other profiles, so their bookings keep their name.</summary>
    OthersRemain,

    /// <summary>Deleted, and it was the owner's last profile: their bookings are owed an erasure.</summary>
    LastOfOwner,
}

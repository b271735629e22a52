namespace HealingNetwork.Profiles.Storage;

/// <summary>What creating a profile found.</summary>
public enum ProfileCreation
{
    /// <summary>Stored.</summary>
    Created,

    /// <summary>Not stored: a profile with this id exists already.</summary>
    IdTaken,

    /// <summary>
    /// Not stored: the owner's last profile was deleted and erasing them from their bookings has not
    /// finished. It must finish first, or a retry of that delete would erase what the new profile's
    /// owner books from now on.
    /// </summary>
    ErasureOwed,
}

using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Profiles.Storage;

/// <summary>Profiles in the store, encrypted; conditional writes by version.</summary>
public interface IProfileStore
{
    /// <summary>
    /// Stores a new profile, unless its id is taken or the owner is still owed a bookings erasure (checked
    /// in the same atomic step, so no delete can slip a debt in between).
    /// </summary>
    Task<ProfileCreation> CreateAsync(Profile profile, CancellationToken cancellationToken);

    /// <summary>Replaces the profile when the stored version equals <paramref name="expectedVersion"/>.</summary>
    Task<bool> ReplaceAsync(Profile profile, long expectedVersion, CancellationToken cancellationToken);

    Task<Profile?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Erases the profile and everything keyed to it (history, Matching's cached results). When it was
    /// the owner's last, it records in the same atomic step that the owner's bookings are owed an erasure.
    /// </summary>
    Task<ProfileErasure> EraseAsync(string id, string ownerId, CancellationToken cancellationToken);

    /// <summary>Whether deleting <paramref name="profileId"/>, the owner's last profile, left the bookings erasure owed.</summary>
    Task<bool> IsBookingErasureOwedAsync(string ownerId, string profileId, CancellationToken cancellationToken);

    /// <summary>The id of the owner's last profile whose deletion still owes the bookings erasure, or null.</summary>
    Task<string?> OwedBookingErasureAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Clears the debt recorded by deleting <paramref name="profileId"/>, once the bookings are erased.</summary>
    Task BookingErasureDoneAsync(string ownerId, string profileId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="pageSize"/> of the owner's profiles with ids below <paramref name="afterId"/>
    /// (all when null), in descending id order, which is newest first (ids are UUIDv7).
    /// </summary>
    Task<OwnedProfilesPage> ListOwnedAsync(string ownerId, string? afterId, int pageSize, CancellationToken cancellationToken);
}

using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Profiles.Storage;

/// <summary>Profiles in the store, encrypted; conditional writes by version.</summary>
public interface IProfileStore
{
    Task<bool> CreateAsync(Profile profile, CancellationToken cancellationToken);

    /// <summary>Replaces the profile when the stored version equals <paramref name="expectedVersion"/>.</summary>
    Task<bool> ReplaceAsync(Profile profile, long expectedVersion, CancellationToken cancellationToken);

    Task<Profile?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Erases the profile and everything keyed to it (history, Matching's cached results).</summary>
    Task<bool> EraseAsync(string id, string ownerId, CancellationToken cancellationToken);

    /// <summary>Ids of the profiles an owner has.</summary>
    Task<IReadOnlyList<string>> IdsOfOwnerAsync(string ownerId, CancellationToken cancellationToken);
}

using HealingNetwork.Directory.V1;

namespace HealingNetwork.Profiles.Domain;

/// <summary>The practitioner listings of the Directory service, which a care partner may name.</summary>
public interface IListingDirectory
{
    /// <summary>The listing, or null when the directory has no listing with that id.</summary>
    Task<Listing?> FindAsync(string listingId, CancellationToken cancellationToken);
}

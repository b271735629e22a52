using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage;

/// <summary>
/// A page of one owner's listings, ordered by id. <paramref name="LastId"/> is the id the next page
/// starts after, null on the last page; it is the last id the page covered even when that listing
/// was deleted between reading the index and reading the listings (and so is not in the page).
/// </summary>
public sealed record OwnedListingsPage(IReadOnlyList<Listing> Listings, string? LastId);

namespace HealingNetwork.Directory.Domain;

/// <summary>One page of an owner's listings to read: those with ids after <paramref name="AfterId"/> (all when null), at most <paramref name="PageSize"/>.</summary>
public sealed record OwnListingsQuery(string OwnerId, string? AfterId, int PageSize);

namespace HealingNetwork.Directory.Storage;

/// <summary>One entry of the directory change feed: sequence number, listing id, deleted or not.</summary>
public sealed record ListingChange(long Sequence, string ListingId, bool Deleted);

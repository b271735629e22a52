using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>One hit: the listing as indexed, its distance (-1 when no centre or no location) and relevance.</summary>
public sealed record ListingHit(Listing Listing, double DistanceKm, double Relevance);

/// <summary>A page of hits and how many listings matched in all (at least, when <paramref name="TotalIsLowerBound"/>).</summary>
public sealed record ListingSearchPage(IReadOnlyList<ListingHit> Hits, int TotalSize, bool TotalIsLowerBound = false);

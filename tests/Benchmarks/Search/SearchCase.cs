using HealingNetwork.Directory.Storage.Search;
using Lucene.Net.Search;

namespace HealingNetwork.Benchmarks.Search;

/// <summary>One query asked two ways: through the product index and as a hand-built raw Lucene query, for a page of <see cref="PageSize"/>.</summary>
public sealed record SearchCase(string Name, ListingSearchQuery Query, Query RawQuery, Sort? RawSort, int PageSize = 20);

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Where a page ends: the sort key of its last hit, as the backend ordered it. The next page is the
/// hits strictly after it (keyset paging), so listings written or removed between two pages never
/// shift the results the way an offset would (one seen twice, one never). Only the parts of the key
/// the query's order uses are compared (<see cref="SearchSort"/>); the id always is, so no two hits tie.
/// </summary>
/// <param name="Score">The text relevance or preference score, when the order ranks by score; else 0.</param>
/// <param name="DistanceKm">
/// The distance the backend sorted by, when the order uses distance (Lucene: -1 for no location,
/// which sorts last; Elasticsearch: its own sort value, +∞ for no location); else 0.
/// </param>
/// <param name="Id">The listing id, the final tie-break (ordinal byte order).</param>
/// <param name="Position">
/// How many hits came up to and including this one when the page was served. Text relevance scores
/// move whenever the directory changes (term statistics), so a backend re-scores the cursor's listing
/// before comparing; when that listing no longer matches, it falls back to skipping this many hits.
/// </param>
public sealed record SearchCursor(float Score, double DistanceKm, string Id, int Position);

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Tells a collector whether a hit comes after <see cref="SearchCursor"/> in the query's order
/// (score desc when <c>byScore</c>, distance asc with "no location" (-1) last when <c>byDistance</c>,
/// then id), so a page starts where the previous one ended whatever was written in between. The id
/// is compared as an ordinal of the segment (<see cref="SegmentIds.FirstOrdinalAfter"/>), looked up
/// once per segment, so the check costs a few compares per hit.
/// </summary>
internal sealed class AfterCursor(SearchCursor cursor, bool byScore, bool byDistance)
{
    private int _firstOrdinalAfter;

    /// <summary>Call after the segment was added to <paramref name="ids"/>.</summary>
    public void SetSegment(SegmentIds ids) => _firstOrdinalAfter = ids.FirstOrdinalAfter(cursor.Id);

    /// <summary>Whether the id ordinal alone puts a hit after the cursor (the order is by id only, or score and distance tie).</summary>
    public bool IdFollows(int ordinal) => ordinal >= _firstOrdinalAfter;

    /// <summary>Whether a hit with this key sorts after the cursor.</summary>
    public bool Follows(float score, double distanceKm, int ordinal)
    {
        if (byScore && score != cursor.Score) return score < cursor.Score;
        if (byDistance && distanceKm != cursor.DistanceKm)
            return distanceKm < 0 || (cursor.DistanceKm >= 0 && distanceKm > cursor.DistanceKm);
        return IdFollows(ordinal);
    }
}

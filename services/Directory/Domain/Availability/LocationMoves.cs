using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// Where each place of a listing went when an update changed its locations. Weekly windows and
/// extra hours name a place by its index, so reordering the locations (or removing one before
/// another) would silently move those hours to another address; they follow their place instead.
/// <list type="bullet">
/// <item>The same place at another index: its hours move there (<see cref="Moved"/>).</item>
/// <item>Another place at the same index, which is not one of the old places: the practice moved
/// (an edit in place), and the hours stay at that index.</item>
/// <item>Neither: the place is gone (<see cref="Gone"/>); hours there make the update refused
/// (<see cref="LocationReferences"/>), since only the practitioner knows where they go.</item>
/// </list>
/// </summary>
/// <param name="Moved">Old index → new index, only for places whose index changed.</param>
/// <param name="Gone">Old indexes whose place the updated listing no longer has.</param>
public sealed record LocationMoves(IReadOnlyDictionary<int, int> Moved, IReadOnlySet<int> Gone)
{
    public static readonly LocationMoves None = new(new Dictionary<int, int>(), new HashSet<int>());

    /// <summary>Whether the update leaves every place at its index.</summary>
    public bool IsNone => Moved.Count == 0 && Gone.Count == 0;

    /// <summary>
    /// "The same place" is where a client would travel to: equal coordinates and equal address
    /// fields (city, region, country, postal code; text compared exactly, as stored). The service
    /// radius is left out: it says how far the practitioner travels from there, not where there is.
    /// </summary>
    public static bool SamePlace(Location a, Location b) =>
        a.Lat.Equals(b.Lat) && a.Lon.Equals(b.Lon)
        && string.Equals(a.City, b.City, StringComparison.Ordinal)
        && string.Equals(a.Region, b.Region, StringComparison.Ordinal)
        && string.Equals(a.Country, b.Country, StringComparison.Ordinal)
        && string.Equals(a.PostalCode, b.PostalCode, StringComparison.Ordinal);

    public static LocationMoves Between(IReadOnlyList<Location> before, IReadOnlyList<Location> after)
    {
        var moved = new Dictionary<int, int>();
        var gone = new HashSet<int>();
        var taken = new bool[after.Count];
        for (var i = 0; i < before.Count; i++)
        {
            var to = Match(before[i], i, after, taken);
            if (to >= 0)
            {
                taken[to] = true;
                if (to != i) moved[i] = to;
            }
            // Another place at the same index that is none of the old ones is the practice moving
            // (an edit in place): the hours stay. An old place there came from another index.
            else if (i >= after.Count || IsOldPlace(after[i], before)) gone.Add(i);
        }
        return moved.Count == 0 && gone.Count == 0 ? None : new LocationMoves(moved, gone);
    }

    /// <summary>
    /// The new index of <paramref name="place"/>: its own old index when the place is still there,
    /// else the first copy no other old index took, else the last copy, else -1. A place listed twice
    /// thus pairs copy with copy, and hours never lose a place that is still listed.
    /// </summary>
    private static int Match(Location place, int index, IReadOnlyList<Location> after, bool[] taken)
    {
        if (index < after.Count && !taken[index] && SamePlace(place, after[index])) return index;
        var last = -1;
        for (var j = 0; j < after.Count; j++)
        {
            if (!SamePlace(place, after[j])) continue;
            if (!taken[j]) return j;
            last = j;
        }
        return last;
    }

    private static bool IsOldPlace(Location place, IReadOnlyList<Location> before) => before.Any(b => SamePlace(place, b));
}

using System.Globalization;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Latitude/longitude grid cells of five sizes (0.01° to 4°, about 1 km to 450 km), indexed as keyword terms for
/// every location of a listing, and the cells that cover a search box. A near search reads the
/// short postings of a few dozen cells instead of rewriting two trie range queries, which walk
/// every term of a latitude band and a longitude band around the world (a quarter of the
/// candidate search's time). The cells are a superset of the box; the collector keeps only exact
/// haversine matches, so results are the same. Term: "{level}:{row}:{column}".
/// </summary>
internal static class GeoCells
{
    /// <summary>Cell sizes in degrees, finest first.</summary>
    private static readonly double[] Sizes = [0.01, 0.05, 0.25, 1, 4];

    /// <summary>The most cells one search asks for; a larger box takes a coarser size, or the range query.</summary>
    public const int MaxCells = 64;

    /// <summary>The cell of each size that contains the point.</summary>
    public static IEnumerable<string> Of(double lat, double lon)
    {
        for (var level = 0; level < Sizes.Length; level++)
        {
            yield return Term(level, Row(lat, Sizes[level]), Column(lon, Sizes[level]));
        }
    }

    /// <summary>
    /// The cells of the finest size that covers the box with at most <see cref="MaxCells"/>
    /// cells; null when even the coarsest needs more (a continent-sized radius or a pole).
    /// </summary>
    public static IReadOnlyList<string>? Covering(double minLat, double maxLat, IReadOnlyList<(double Min, double Max)> lonRanges)
    {
        for (var level = 0; level < Sizes.Length; level++)
        {
            var size = Sizes[level];
            var (firstRow, lastRow) = (Row(minLat, size), Row(maxLat, size));
            var columns = lonRanges.Select(r => (First: Column(r.Min, size), Last: Column(r.Max, size))).ToArray();
            var count = (long)(lastRow - firstRow + 1) * columns.Sum(c => c.Last - c.First + 1);
            if (count > MaxCells) continue;

            var cells = new List<string>((int)count);
            for (var row = firstRow; row <= lastRow; row++)
            {
                foreach (var (first, last) in columns)
                {
                    for (var column = first; column <= last; column++) cells.Add(Term(level, row, column));
                }
            }
            return cells;
        }
        return null;
    }

    // Clamped so that 90° and 180° fall in the last cell rather than one past it.
    private static int Row(double lat, double size) => Math.Clamp((int)Math.Floor((lat + 90) / size), 0, (int)(180 / size) - 1);

    private static int Column(double lon, double size) => Math.Clamp((int)Math.Floor((lon + 180) / size), 0, (int)(360 / size) - 1);

    private static string Term(int level, int row, int column) =>
        string.Create(CultureInfo.InvariantCulture, $"{level}:{row}:{column}");
}

using HealingNetwork.Directory.Storage.Search;

namespace HealingNetwork.Directory.Tests.Search;

/// <summary>
/// The grid cells that prefilter near searches must never lose a listing: every point within
/// the radius lies in one of the covering cells (across the antimeridian and near the poles too),
/// and a box too large for the cells falls back to the range query.
/// </summary>
public sealed class GeoCellsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_point_within_the_radius_is_in_a_covering_cell(int seed)
    {
        var random = new Random(seed);
        for (var circle = 0; circle < 400; circle++)
        {
            var (lat, lon) = (random.NextDouble() * 178 - 89, random.NextDouble() * 360 - 180);
            var radius = random.NextDouble() < 0.5 ? random.NextDouble() * 60 : random.NextDouble() * 800;
            var (minLat, maxLat, lonRanges) = GeoDistance.BoundingBox(lat, lon, radius);
            if (GeoCells.Covering(minLat, maxLat, lonRanges) is not { } cells) continue;
            var covering = cells.ToHashSet(StringComparer.Ordinal);
            Assert.True(cells.Count <= GeoCells.MaxCells);

            for (var probe = 0; probe < 50; probe++)
            {
                var (pLat, pLon) = PointWithin(random, lat, lon, radius);
                if (GeoDistance.HaversineKm(lat, lon, pLat, pLon) > radius) continue;
                Assert.True(GeoCells.Of(pLat, pLon).Any(covering.Contains),
                    $"({pLat}, {pLon}) is {GeoDistance.HaversineKm(lat, lon, pLat, pLon):F3} km from ({lat}, {lon}), radius {radius:F3}, yet in no covering cell");
            }
        }
    }

    [Fact]
    public void A_circle_across_the_antimeridian_takes_cells_on_both_sides()
    {
        var (minLat, maxLat, lonRanges) = GeoDistance.BoundingBox(-17.7, 179.9, 40);
        var cells = GeoCells.Covering(minLat, maxLat, lonRanges)!.ToHashSet(StringComparer.Ordinal);

        Assert.Contains(GeoCells.Of(-17.7, 179.95), cells.Contains);
        Assert.Contains(GeoCells.Of(-17.7, -179.9), cells.Contains);
    }

    [Fact]
    public void Edges_of_the_map_fall_in_the_last_cell_and_huge_boxes_fall_back_to_ranges()
    {
        Assert.Equal(GeoCells.Of(90, 180), GeoCells.Of(89.999, 179.999));
        var (minLat, maxLat, lonRanges) = GeoDistance.BoundingBox(89.5, 0, 100);
        Assert.Null(GeoCells.Covering(minLat, maxLat, lonRanges));
        (minLat, maxLat, lonRanges) = GeoDistance.BoundingBox(45, -100, 3_000);
        Assert.Null(GeoCells.Covering(minLat, maxLat, lonRanges));
    }

    /// <summary>A point at a random bearing and distance up to the radius (spherical destination formula).</summary>
    private static (double Lat, double Lon) PointWithin(Random random, double lat, double lon, double radiusKm)
    {
        var distance = radiusKm * Math.Sqrt(random.NextDouble()) / GeoDistance.EarthRadiusKm;
        var bearing = random.NextDouble() * 2 * Math.PI;
        var φ1 = lat * Math.PI / 180;
        var λ1 = lon * Math.PI / 180;
        var φ2 = Math.Asin(Math.Sin(φ1) * Math.Cos(distance) + Math.Cos(φ1) * Math.Sin(distance) * Math.Cos(bearing));
        var λ2 = λ1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(distance) * Math.Cos(φ1), Math.Cos(distance) - Math.Sin(φ1) * Math.Sin(φ2));
        var lon2 = (λ2 * 180 / Math.PI + 540) % 360 - 180;
        return (φ2 * 180 / Math.PI, lon2);
    }
}

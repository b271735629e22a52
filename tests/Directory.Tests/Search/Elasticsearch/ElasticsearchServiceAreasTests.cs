using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using Xunit;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>Home-visit circles as the polygons Elasticsearch indexes (it indexes no circles).</summary>
public sealed class ElasticsearchServiceAreasTests
{
    [Fact]
    public void A_home_visit_circle_is_a_closed_counter_clockwise_ring_of_points_on_the_circle()
    {
        var practice = new Location { Lat = 45.5152, Lon = -122.6784, ServiceRadiusKm = 30 };

        var ring = Assert.Single(Assert.Single(ElasticsearchServiceAreas.Of([practice])!.Coordinates));

        Assert.Equal(65, ring.Count);
        Assert.Equal(ring[0], ring[^1]);
        // On the circle to within the 7 decimals written (about a centimetre), so inside it.
        Assert.All(ring, p => Assert.InRange(GeoDistance.HaversineKm(practice.Lat, practice.Lon, p[1], p[0]), 29.9999, 30.0001));
        // GeoJSON's right-hand rule: an outer ring turns counter-clockwise (positive shoelace area).
        var area = ring.Zip(ring.Skip(1), (a, b) => a[0] * b[1] - b[0] * a[1]).Sum();
        Assert.True(area > 0, $"shoelace area {area}");
    }

    [Fact]
    public void Only_locations_that_visit_have_an_area()
    {
        Assert.Null(ElasticsearchServiceAreas.Of([new Location { Lat = 1, Lon = 2 }]));
        var areas = ElasticsearchServiceAreas.Of([new Location { Lat = 1, Lon = 2 }, new Location { Lat = 3, Lon = 4, ServiceRadiusKm = 5 }, new Location { Lat = 5, Lon = 6, ServiceRadiusKm = 5 }]);
        Assert.Equal(2, areas!.Coordinates.Count);
    }

    [Fact]
    public void A_circle_across_the_antimeridian_is_its_bounding_box_split_there()
    {
        var taveuni = new Location { Lat = -16.85, Lon = 179.95, ServiceRadiusKm = 20 };

        var boxes = ElasticsearchServiceAreas.Of([taveuni])!.Coordinates;

        Assert.Equal(2, boxes.Count);
        Assert.All(boxes, polygon => Assert.All(polygon[0], p => Assert.InRange(p[0], -180, 180)));
        Assert.Contains(boxes, polygon => polygon[0].Any(p => p[0] == 180));
        Assert.Contains(boxes, polygon => polygon[0].Any(p => p[0] == -180));
    }
}

using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Availability.Tests.Domain;

public sealed class LocationMovesTests
{
    private static readonly Location Portland = new() { Lat = 45.5152, Lon = -122.6784, City = "Portland", Region = "OR", Country = "US", PostalCode = "97205" };
    private static readonly Location Salem = new() { Lat = 44.9429, Lon = -123.0351, City = "Salem", Region = "OR", Country = "US", PostalCode = "97301" };
    private static readonly Location Eugene = new() { Lat = 44.0521, Lon = -123.0868, City = "Eugene", Region = "OR", Country = "US", PostalCode = "97401" };

    private static LocationMoves Between(Location[] before, Location[] after) => LocationMoves.Between(before, after);

    [Fact]
    public void Unchanged_locations_move_nothing()
    {
        var moves = Between([Portland, Salem], [Portland.Clone(), Salem.Clone()]);

        Assert.True(moves.IsNone);
    }

    [Fact]
    public void Reordered_locations_take_their_hours_with_them()
    {
        var moves = Between([Portland, Salem, Eugene], [Eugene, Portland, Salem]);

        Assert.Equal(new Dictionary<int, int> { [0] = 1, [1] = 2, [2] = 0 }, moves.Moved);
        Assert.Empty(moves.Gone);
    }

    [Fact]
    public void Removing_the_first_location_moves_the_second_down_and_marks_the_first_gone()
    {
        var moves = Between([Portland, Salem], [Salem]);

        Assert.Equal(new Dictionary<int, int> { [1] = 0 }, moves.Moved);
        Assert.Equal([0], moves.Gone);
    }

    [Fact]
    public void A_place_edited_at_its_index_keeps_its_hours_there()
    {
        var moved = Portland.Clone();
        moved.Lat += 0.01;
        moved.PostalCode = "97209";

        Assert.True(Between([Portland, Salem], [moved, Salem]).IsNone);
        Assert.True(Between([Portland], [Eugene]).IsNone); // a new address at the same index: the practice moved
    }

    [Fact]
    public void An_old_place_arriving_at_the_index_of_one_that_is_gone_does_not_inherit_its_hours()
    {
        // Salem takes index 0; Portland is nowhere in the new list, so its hours have no place to go.
        var moves = Between([Portland, Salem], [Salem, Eugene]);

        Assert.Equal(new Dictionary<int, int> { [1] = 0 }, moves.Moved);
        Assert.Equal([0], moves.Gone);
    }

    [Fact]
    public void Dropped_trailing_locations_are_gone()
    {
        var moves = Between([Portland, Salem, Eugene], [Portland]);

        Assert.Empty(moves.Moved);
        Assert.Equal([1, 2], moves.Gone.Order());
    }

    [Fact]
    public void The_same_place_is_the_same_coordinates_and_address_whatever_the_service_radius()
    {
        var widerRadius = Portland.Clone();
        widerRadius.ServiceRadiusKm = 30;
        var otherPostalCode = Portland.Clone();
        otherPostalCode.PostalCode = "97204";
        var otherLon = Portland.Clone();
        otherLon.Lon += 0.000001;

        Assert.True(LocationMoves.SamePlace(Portland, widerRadius));
        Assert.False(LocationMoves.SamePlace(Portland, otherPostalCode));
        Assert.False(LocationMoves.SamePlace(Portland, otherLon));
        Assert.Equal(new Dictionary<int, int> { [0] = 1, [1] = 0 }, Between([Portland, Salem], [Salem, widerRadius]).Moved);
    }

    [Fact]
    public void A_place_listed_twice_pairs_copy_with_copy()
    {
        var moves = Between([Portland, Salem, Portland], [Salem, Portland, Portland]);

        Assert.Equal(new Dictionary<int, int> { [0] = 1, [1] = 0 }, moves.Moved); // the second Portland stays at 2
        Assert.Empty(moves.Gone);
        Assert.Equal(new Dictionary<int, int> { [1] = 0 }, Between([Portland, Portland], [Portland]).Moved); // both copies' hours go to the one left
    }
}

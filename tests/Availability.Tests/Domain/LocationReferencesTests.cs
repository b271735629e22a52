using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using static HealingNetwork.Availability.Tests.Domain.Schedules;

namespace HealingNetwork.Availability.Tests.Domain;

public sealed class LocationReferencesTests
{
    private static List<string> Descriptions(WeeklyAvailability? schedule, int locations)
    {
        var v = new Violations();
        LocationReferences.ValidateStillExist(schedule, locations, v);
        Assert.All(v.Items, i => Assert.Equal("listing.locations", i.Field));
        return v.Items.Select(i => i.Description).ToList();
    }

    private static AvailabilityException Extra(string id, int location) =>
        new() { Id = id, Date = "2030-01-07", Kind = ExceptionKind.ExtraHours, Start = "10:00", End = "11:00", LocationIndex = location };

    private static WeeklyAvailability Schedule() => new()
    {
        Windows = { Window(Weekday.Monday, "09:00", "12:00", 1), Window(Weekday.Monday, "09:00", "12:00", -1), Window(Weekday.Friday, "14:00", "15:00", 0) },
        Exceptions = { Extra("e1", -1), Extra("e2", 1), new AvailabilityException { Id = "e3", Date = "2030-01-08", Kind = ExceptionKind.Closed, LocationIndex = 0 } },
    };

    [Fact]
    public void Hours_at_remaining_locations_telehealth_and_closed_days_need_no_location()
    {
        Assert.Empty(Descriptions(Schedule(), locations: 2));
        Assert.Empty(Descriptions(null, locations: 0)); // no hours at all
    }

    [Fact]
    public void Each_window_and_extra_hours_at_a_removed_location_is_named_with_its_index()
    {
        var found = Descriptions(Schedule(), locations: 1);

        Assert.Equal(2, found.Count);
        Assert.StartsWith("the weekly hours' windows[0] (Monday 09:00-12:00) are at location 1", found[0]);
        Assert.StartsWith("exception e2 (extra hours on 2030-01-07 10:00-11:00) is at location 1", found[1]);
        Assert.Equal(3, Descriptions(Schedule(), locations: 0).Count); // windows[0], windows[2], e2; the closed day e3 names no place
    }

    [Fact]
    public void Past_ten_references_the_rest_are_counted_not_listed()
    {
        var schedule = new WeeklyAvailability();
        for (var i = 0; i < 14; i++) schedule.Exceptions.Add(Extra($"e{i}", 0));

        var found = Descriptions(schedule, locations: 0);

        Assert.Equal(11, found.Count);
        Assert.Equal("and 4 more hours at locations this update removes", found[^1]);
    }

    [Fact]
    public void After_a_reorder_only_hours_at_a_place_that_is_gone_are_named()
    {
        var (portland, salem, eugene) = (new Location { City = "Portland" }, new Location { City = "Salem" }, new Location { City = "Eugene" });
        var v = new Violations();

        // Location 1 (windows[0], e2) moves to index 0; location 0 (windows[2]) is gone.
        LocationReferences.ValidateStillExist(Schedule(), LocationMoves.Between([portland, salem], [salem, eugene]), v);

        Assert.Equal(["the weekly hours' windows[2] (Friday 14:00-15:00) are at location 0"], v.Items.Select(i => i.Description[..i.Description.IndexOf(',')]));
    }

    [Fact]
    public void Only_bookings_at_a_place_that_is_gone_are_stranded_by_an_update()
    {
        var (portland, salem, eugene) = (new Location { City = "Portland" }, new Location { City = "Salem" }, new Location { City = "Eugene" });
        Booking At(string id, int location) => new() { BookingId = id, Slot = new Slot { LocationIndex = location } };

        // Salem moves from 1 to 0, Portland (0) is gone, telehealth (-1) is no place.
        var stranded = LocationReferences.AtRemovedPlaces([At("portland", 0), At("salem", 1), At("tele", -1)], LocationMoves.Between([portland, salem], [salem, eugene]));

        Assert.Equal(["portland"], stranded.Select(b => b.BookingId));
    }
}

using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Availability.Tests.Storage;

/// <summary>Hours following their places to new location indexes, against the real store (Garnet, or REDIS_URL).</summary>
public sealed class LocationRemapStoreTests
{
    private readonly RedisAvailabilityStore _store = new(TestStore.Instance.Connection);

    private static string NewListing() => Guid.NewGuid().ToString("N");

    private static WeeklyWindow Window(Weekday day, int location) => new() { Weekday = day, Start = "09:00", End = "12:00", LocationIndex = location };

    private static AvailabilityException Extra(string id, int location) =>
        new() { Id = id, Date = "2030-01-07", Kind = ExceptionKind.ExtraHours, Start = "14:00", End = "16:00", LocationIndex = location };

    [Fact]
    public async Task Remapping_moves_windows_and_extra_hours_and_leaves_telehealth_closed_days_and_other_fields_alone()
    {
        var listing = NewListing();
        await _store.SaveScheduleAsync(new WeeklyAvailability
        {
            ListingId = listing, TimeZone = "America/Los_Angeles", SessionMinutes = 60,
            Windows = { Window(Weekday.Monday, 0), Window(Weekday.Tuesday, 1), Window(Weekday.Wednesday, -1), Window(Weekday.Thursday, 2) },
        }, default);
        foreach (var e in new[] { Extra("at0", 0), Extra("at1", 1), Extra("tele", -1), new AvailabilityException { Id = "closed", Date = "2030-01-08", Kind = ExceptionKind.Closed } })
            Assert.True((await _store.AddExceptionAsync(listing, e, 10, null, null, default)).Added);
        var version = (await _store.GetVersionedScheduleAsync(listing, default)).Version;

        Assert.True(await _store.RemapLocationsAsync(listing, new Dictionary<int, int> { [0] = 1, [1] = 0 }, default));

        var hours = (await _store.GetScheduleAsync(listing, default))!;
        Assert.Equal([1, 0, -1, 2], hours.Windows.Select(w => w.LocationIndex));
        Assert.Equal(60, hours.SessionMinutes);
        Assert.Equal(
            [("at0", 1), ("at1", 0), ("closed", 0), ("tele", -1)],
            hours.Exceptions.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => (e.Id, e.LocationIndex)));
        // A remap changes the hours, so it moves the version like every such change.
        Assert.Equal(version + 1, (await _store.GetVersionedScheduleAsync(listing, default)).Version);
    }

    [Fact]
    public async Task Remapping_indexes_no_hours_use_writes_nothing()
    {
        var listing = NewListing();
        await _store.SaveScheduleAsync(new WeeklyAvailability { ListingId = listing, SessionMinutes = 60, Windows = { Window(Weekday.Monday, -1) } }, default);

        Assert.False(await _store.RemapLocationsAsync(listing, new Dictionary<int, int> { [0] = 1 }, default));
        Assert.False(await _store.RemapLocationsAsync(NewListing(), new Dictionary<int, int> { [0] = 1 }, default));
        Assert.Equal(-1, Assert.Single((await _store.GetScheduleAsync(listing, default))!.Windows).LocationIndex);
    }

    [Fact]
    public async Task Hours_set_while_a_remap_runs_are_never_lost()
    {
        // The practitioner moves everything to telehealth while the remap of location 0 runs. Whichever
        // lands first, the telehealth hours are what stays: a remap that read the old hours must not
        // write them back over the new ones.
        for (var round = 0; round < 40; round++)
        {
            var listing = NewListing();
            await _store.SaveScheduleAsync(new WeeklyAvailability { ListingId = listing, SessionMinutes = 60, Windows = { Window(Weekday.Monday, 0) } }, default);
            var telehealth = new WeeklyAvailability { ListingId = listing, SessionMinutes = 30, Windows = { Window(Weekday.Friday, -1) } };

            await Task.WhenAll(
                Task.Run(() => _store.RemapLocationsAsync(listing, new Dictionary<int, int> { [0] = 1 }, default)),
                Task.Run(() => _store.SaveScheduleAsync(telehealth, default)));

            var hours = (await _store.GetScheduleAsync(listing, default))!;
            Assert.Equal((30, Weekday.Friday, -1), (hours.SessionMinutes, Assert.Single(hours.Windows).Weekday, hours.Windows[0].LocationIndex));
        }
    }
}

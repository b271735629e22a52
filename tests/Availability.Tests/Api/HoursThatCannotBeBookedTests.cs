using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using NodaTime;

namespace HealingNetwork.Availability.Tests.Api;

/// <summary>
/// Hours a practitioner sets are either bookable or refused with the field and the reason, through
/// the real gRPC pipeline and store. QA found windows shorter than a session accepted silently,
/// midnight unusable as an end, and the same extra hours accepted twice under two ids.
/// </summary>
public sealed class HoursThatCannotBeBookedTests(DirectoryHost host) : IClassFixture<DirectoryHost>
{
    private readonly AvailabilityService.AvailabilityServiceClient _client = host.Client;
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static SetWeeklyAvailabilityRequest Hours(string listingId, int session, params (Weekday Day, string Start, string End)[] windows)
    {
        var request = new SetWeeklyAvailabilityRequest { ListingId = listingId, SessionMinutes = session };
        foreach (var (day, start, end) in windows) request.Windows.Add(new WeeklyWindow { Weekday = day, Start = start, End = end, LocationIndex = -1 });
        return request;
    }

    private async Task<Listing> ListingAsync() => await host.CreateListingAsync("owner-" + Guid.NewGuid().ToString("N"));

    private static string Violation(Google.Rpc.BadRequest bad, string field) => bad.FieldViolations.Single(f => f.Field == field).Description;

    [Fact]
    public async Task A_window_shorter_than_one_session_is_refused_naming_the_window()
    {
        var listing = await ListingAsync();
        var request = Hours(listing.Id, 60, (Weekday.Monday, "09:00", "12:00"), (Weekday.Wednesday, "09:00", "09:30"));

        var bad = await RpcAssert.InvalidField("windows[1]", () => _client.SetWeeklyAvailabilityAsync(request, DirectoryHost.As(listing.OwnerId)).ResponseAsync);

        Assert.Equal(["windows[1]"], bad.FieldViolations.Select(f => f.Field));
        Assert.Contains("30 minutes long, shorter than one 60-minute session", Violation(bad, "windows[1]"));
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id }).ResponseAsync); // nothing saved
    }

    [Fact]
    public async Task Hours_can_end_at_midnight_and_the_last_session_of_the_day_ends_then()
    {
        var listing = await ListingAsync();
        await _client.SetWeeklyAvailabilityAsync(Hours(listing.Id, 60,
            [.. Enumerable.Range(1, 7).Select(d => ((Weekday)d, "22:00", "24:00"))]), DirectoryHost.As(listing.OwnerId));
        var date = SystemClock.Instance.GetCurrentInstant().InZone(Berlin).Date.PlusDays(2);

        var slots = (await _client.ListOpenSlotsAsync(new ListOpenSlotsRequest
        {
            ListingId = listing.Id,
            StartTime = Timestamp.FromDateTimeOffset(date.AtStartOfDayInZone(Berlin).ToDateTimeOffset()),
            EndTime = Timestamp.FromDateTimeOffset(date.PlusDays(1).AtStartOfDayInZone(Berlin).ToDateTimeOffset()),
        })).Slots;

        Assert.Equal(["22:00", "23:00"], slots.Select(s => s.LocalStart[11..16]));
        Assert.Equal(date.PlusDays(1).AtStartOfDayInZone(Berlin).ToInstant().ToUnixTimeSeconds(), slots[^1].EndTime.Seconds);
        var saved = await _client.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id });
        Assert.All(saved.Windows, w => Assert.Equal("24:00", w.End));
    }

    [Fact]
    public async Task A_window_past_midnight_is_refused_with_how_to_split_it()
    {
        var listing = await ListingAsync();
        var request = Hours(listing.Id, 60, (Weekday.Friday, "22:00", "02:00"));

        var bad = await RpcAssert.InvalidField("windows[0].end", () => _client.SetWeeklyAvailabilityAsync(request, DirectoryHost.As(listing.OwnerId)).ResponseAsync);

        Assert.Contains("end this window at \"24:00\" and add one from \"00:00\" on the next day", Violation(bad, "windows[0].end"));
    }

    [Fact]
    public async Task The_same_extra_hours_twice_are_refused_as_already_existing_and_overlapping_ones_as_invalid()
    {
        var listing = await ListingAsync();
        await _client.SetWeeklyAvailabilityAsync(Hours(listing.Id, 60, (Weekday.Monday, "09:00", "12:00")), DirectoryHost.As(listing.OwnerId));
        var date = Text(SystemClock.Instance.GetCurrentInstant().InZone(Berlin).Date.PlusDays(3));
        AddExceptionRequest Extra(string start, string end, string note = "") => new()
        {
            ListingId = listing.Id,
            Exception = new AvailabilityException { Date = date, Kind = ExceptionKind.ExtraHours, Start = start, End = end, LocationIndex = -1, Note = note },
        };
        var owner = DirectoryHost.As(listing.OwnerId);
        var first = await _client.AddExceptionAsync(Extra("14:00", "17:00"), owner);

        var again = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.AddExceptionAsync(Extra("14:00", "17:00", "again"), owner).ResponseAsync);
        var overlapping = await RpcAssert.InvalidField("exception", () => _client.AddExceptionAsync(Extra("16:00", "18:00"), owner).ResponseAsync);
        var tooShort = await RpcAssert.InvalidField("exception", () => _client.AddExceptionAsync(Extra("18:00", "18:30"), owner).ResponseAsync);
        var closed = await _client.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id, Exception = new AvailabilityException { Date = date, Kind = ExceptionKind.Closed },
        }, owner);
        var closedAgain = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id, Exception = new AvailabilityException { Date = date, Kind = ExceptionKind.Closed },
        }, owner).ResponseAsync);

        Assert.Equal($"The listing already has this exception: {first.Id}.", again.Status.Detail);
        Assert.Contains($"overlaps extra hours {first.Id} (14:00-17:00)", Violation(overlapping, "exception"));
        Assert.Contains("shorter than one 60-minute session", Violation(tooShort, "exception"));
        Assert.Contains(closed.Id, closedAgain.Status.Detail);
        var saved = await _client.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id });
        Assert.Equal(new[] { first.Id, closed.Id }.Order(), saved.Exceptions.Select(e => e.Id).Order());
    }

    [Fact]
    public async Task On_a_listing_without_weekly_hours_a_closed_day_twice_is_already_existing_and_extra_hours_wait_for_the_hours()
    {
        // A day can be closed before the weekly hours are set; it is there all the same, so a repeat (a
        // double click, a retried request) is the same duplicate it is on a listing with hours. Extra
        // hours are refused until there are weekly hours: they set the session length, and without it
        // the hours were stored (200) but never offered a slot, and the owner could not even see them.
        var listing = await ListingAsync();
        var owner = DirectoryHost.As(listing.OwnerId);
        var date = Text(SystemClock.Instance.GetCurrentInstant().InZone(Berlin).Date.PlusDays(3));
        AddExceptionRequest Closed() => new() { ListingId = listing.Id, Exception = new AvailabilityException { Date = date, Kind = ExceptionKind.Closed } };
        var extra = new AddExceptionRequest
        {
            ListingId = listing.Id,
            Exception = new AvailabilityException { Date = date, Kind = ExceptionKind.ExtraHours, Start = "14:00", End = "17:00", LocationIndex = -1 },
        };
        var closed = await _client.AddExceptionAsync(Closed(), owner);

        var closedAgain = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.AddExceptionAsync(Closed(), owner).ResponseAsync);
        var extraFirst = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.AddExceptionAsync(extra, owner).ResponseAsync);

        Assert.Equal($"The listing already has this exception: {closed.Id}.", closedAgain.Status.Detail);
        Assert.Contains("need weekly hours first", extraFirst.Status.Detail);
        await _client.SetWeeklyAvailabilityAsync(Hours(listing.Id, 60, (Weekday.Monday, "09:00", "12:00")), owner);
        var added = await _client.AddExceptionAsync(extra, owner);
        var saved = await _client.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id });
        Assert.Equal(new[] { closed.Id, added.Id }.Order(), saved.Exceptions.Select(e => e.Id).Order());
    }

    [Fact]
    public async Task The_same_extra_hours_sent_twice_at_once_are_added_once()
    {
        var listing = await ListingAsync();
        await _client.SetWeeklyAvailabilityAsync(Hours(listing.Id, 60, (Weekday.Monday, "09:00", "12:00")), DirectoryHost.As(listing.OwnerId));
        var request = new AddExceptionRequest
        {
            ListingId = listing.Id,
            Exception = new AvailabilityException
            {
                Date = Text(SystemClock.Instance.GetCurrentInstant().InZone(Berlin).Date.PlusDays(3)),
                Kind = ExceptionKind.ExtraHours, Start = "14:00", End = "17:00", LocationIndex = -1,
            },
        };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try { await _client.AddExceptionAsync(request, DirectoryHost.As(listing.OwnerId)); return StatusCode.OK; }
            catch (RpcException e) { return e.StatusCode; }
        }));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes, o => Assert.Contains(o, new[] { StatusCode.OK, StatusCode.AlreadyExists, StatusCode.Aborted }));
        Assert.Single((await _client.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id })).Exceptions);
    }

    private static string Text(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture);
}

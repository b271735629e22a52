using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Testing;
using Ical.Net;
using NodaTime;

namespace HealingNetwork.Interop.Tests.Domain;

public sealed class CalendarExportTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);

    [Fact]
    public void A_listing_with_no_open_hours_is_still_a_calendar_with_a_component_its_time_zone()
    {
        var listing = Samples.Naturopath();
        listing.Id = "l1";

        var ics = CalendarExport.Write(listing, [], [], Now);

        var calendar = Calendar.Load(ics)!;
        Assert.Empty(calendar.Events);
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal(listing.TimeZone, zone.TzId);
        Assert.NotEmpty(zone.Children);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_slots_stay_in_utc_beside_the_zone()
    {
        var listing = Samples.Naturopath();
        listing.Id = "l1";
        var slot = new OpenSlot(Now + Duration.FromHours(1), Now + Duration.FromHours(2), Offset.FromHours(-8), 0);

        var calendar = Calendar.Load(CalendarExport.Write(listing, [slot], [], Now))!;

        var open = Assert.Single(calendar.Events);
        Assert.Equal(slot.Start.ToDateTimeUtc(), open.DtStart!.AsUtc);
        Assert.Single(calendar.TimeZones);
    }

    [Theory]
    [InlineData("Asia/Kolkata", 1)] // +05:30 since 1945, no DST: one observance, no yearly rule
    [InlineData("America/Sao_Paulo", 1)] // no DST since 2019
    [InlineData("America/New_York", 2)] // EST, then EDT from 8 March 2026
    [InlineData("Europe/Berlin", 2)] // CET, then CEST from 29 March 2026
    public void The_time_zone_has_the_true_offsets_over_the_feed_and_no_invented_yearly_rule(string timeZone, int observances)
    {
        var listing = Samples.Naturopath();
        listing.Id = "l1";
        listing.TimeZone = timeZone;
        var lastEnd = Now + Duration.FromDays(60);
        var slots = new[] { new OpenSlot(lastEnd - Duration.FromHours(1), lastEnd, Offset.Zero, 0) };

        var calendar = Calendar.Load(CalendarExport.Write(listing, slots, [], Now))!;

        ZoneOffsets.AssertTrue(calendar, timeZone, Now, lastEnd);
        Assert.Equal(observances, ZoneOffsets.Observances(calendar.TimeZones.Single()).Count);
    }
}

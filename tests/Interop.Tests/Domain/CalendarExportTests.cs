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
}

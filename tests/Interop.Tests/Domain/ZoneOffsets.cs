using Ical.Net;
using Ical.Net.CalendarComponents;
using NodaTime;

namespace HealingNetwork.Interop.Tests.Domain;

/// <summary>
/// Reads a parsed VTIMEZONE as a calendar application does (RFC 5545 section 3.6.5) and compares it
/// with the time-zone database: the offset in force at an instant is TZOFFSETTO of the observance with
/// the latest onset at or before it, the onset being DTSTART read at TZOFFSETFROM.
/// </summary>
public static class ZoneOffsets
{
    public static IReadOnlyList<VTimeZoneInfo> Observances(VTimeZone zone) => zone.Children.OfType<VTimeZoneInfo>().ToList();

    public static Offset At(VTimeZone zone, Instant instant)
    {
        var current = Observances(zone)
            .Select(o => (Onset: LocalDateTime.FromDateTime(o.DtStart!.Value).WithOffset(Offset.FromTimeSpan(o.OffsetFrom!.Offset)).ToInstant(), To: o.OffsetTo!.Offset))
            .Where(o => o.Onset <= instant)
            .MaxBy(o => o.Onset);
        Assert.True(current.Onset != default || current.To != default, $"no observance of {zone.TzId} covers {instant}");
        return Offset.FromTimeSpan(current.To);
    }

    /// <summary>Every hour of [from, to) has the offset NodaTime gives, and no observance recurs by a rule the feed made up.</summary>
    public static void AssertTrue(Calendar calendar, string timeZone, Instant from, Instant to)
    {
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal(timeZone, zone.TzId);
        Assert.All(Observances(zone), o => Assert.Null(o.RecurrenceRule));
        var tzdb = DateTimeZoneProviders.Tzdb[timeZone];
        for (var t = from; t < to; t += Duration.FromHours(1))
            Assert.Equal(tzdb.GetUtcOffset(t), At(zone, t));
    }
}

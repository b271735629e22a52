using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;
using Duration = NodaTime.Duration;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// The VTIMEZONE of a listing's zone over the span a calendar covers, built from the time-zone
/// database's own intervals (NodaTime) rather than from a guessed yearly rule. Ical.Net's
/// <c>VTimeZone.FromDateTimeZone</c> turns the last transitions of any zone into a yearly RRULE,
/// so Asia/Kolkata "left +06:30 for +05:30" every October since 1945, and America/Sao_Paulo every
/// February since it dropped DST in 2019. Here each observance is one real interval: its onset (in
/// the local time of the offset before it, as RFC 5545 reads DTSTART), the offsets either side,
/// and no recurrence. A zone without changes in the span has one observance, its offset from the
/// last real change on (or from 1970 when it never changed).
/// </summary>
public static class CalendarTimeZone
{
    /// <summary>The onset written for an offset that has held since before any recorded change.</summary>
    private static readonly LocalDateTime Always = new(1970, 1, 1, 0, 0);

    public static VTimeZone For(string timeZone, Instant from, Instant to)
    {
        var zone = LocalClock.Zone(timeZone);
        var component = new VTimeZone(timeZone);
        foreach (var interval in zone.GetZoneIntervals(new Interval(from, to > from ? to : from + Duration.Epsilon)))
            component.AddChild(Observance(zone, interval));
        return component;
    }

    private static VTimeZoneInfo Observance(DateTimeZone zone, ZoneInterval interval)
    {
        var before = interval.HasStart ? zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset : interval.WallOffset;
        var onset = interval.HasStart ? interval.Start.WithOffset(before).LocalDateTime : Always;
        return new VTimeZoneInfo(interval.Savings != Offset.Zero ? "DAYLIGHT" : "STANDARD")
        {
            Start = new CalDateTime(onset.ToDateTimeUnspecified()),
            OffsetFrom = new UtcOffset(before.ToTimeSpan()),
            OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
            TimeZoneName = interval.Name,
        };
    }
}

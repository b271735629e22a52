using HealingNetwork.Directory.V1;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// A listing's calendar as RFC 5545 text: open slots (free time, TRANSP:TRANSPARENT) for anyone,
/// plus confirmed bookings (busy) for the owner. Times are written in UTC, which every calendar
/// application imports without needing a VTIMEZONE definition. A VTIMEZONE of the listing's zone
/// (<see cref="CalendarTimeZone"/>) is written all the same: RFC 5545 requires at least one component,
/// and a listing with no open hours (or a feed of the next weeks with none) would otherwise be an
/// invalid, empty VCALENDAR; and an application showing the feed in the practitioner's zone
/// (X-WR-TIMEZONE) gets that zone's true offsets.
/// </summary>
public static class CalendarExport
{
    public const string ProductId = "-//HealingNetwork//Availability//EN";

    public static string Write(Listing listing, IEnumerable<OpenSlot> openSlots, IEnumerable<Booking> bookings, Instant now)
    {
        var calendar = new Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", listing.DisplayName);
        calendar.AddProperty("X-WR-TIMEZONE", listing.TimeZone);
        var slots = openSlots as IReadOnlyCollection<OpenSlot> ?? openSlots.ToList();
        var sessions = bookings as IReadOnlyCollection<Booking> ?? bookings.ToList();
        // The zone as it is over the span the feed covers (now to its last event); history would only bloat it.
        var until = slots.Select(s => s.End).Concat(sessions.Select(b => Instant.FromUnixTimeSeconds(b.Slot.EndTime.Seconds))).DefaultIfEmpty(now).Max();
        calendar.AddChild(CalendarTimeZone.For(listing.TimeZone, now, until));
        var stamp = Utc(now);
        foreach (var slot in slots)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"open-{listing.Id}-{slot.StartUnixSeconds}@healing.network",
                Summary = $"Open: {listing.DisplayName}",
                DtStart = Utc(slot.Start),
                DtEnd = Utc(slot.End),
                DtStamp = stamp,
                Transparency = TransparencyType.Transparent,
            });
        }
        foreach (var booking in sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{booking.BookingId}@healing.network",
                Summary = $"Session: {listing.DisplayName}",
                Description = $"Booking {booking.BookingId} for client {booking.ClientId}",
                DtStart = Utc(Instant.FromDateTimeOffset(booking.Slot.StartTime.ToDateTimeOffset())),
                DtEnd = Utc(Instant.FromDateTimeOffset(booking.Slot.EndTime.ToDateTimeOffset())),
                DtStamp = stamp,
                Transparency = TransparencyType.Opaque,
                Status = EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc());
}

using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.Directory.V1;
using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>Limits and defaults of the slot queries: ranges never reach into the past or too far ahead.</summary>
public static class SlotQueryRules
{
    public const int MaxRangeDays = 62;
    public const int DefaultRangeDays = 14;
    public const int DefaultPageSize = 200;
    public const int MaxPageSize = 1000;
    public const int MaxEarliestListings = 500;
    public const int DefaultHorizonDays = 28;
    public const int DefaultExportDays = 28;
    public const int MaxExportDays = 92;

    /// <summary>
    /// Times a calendar query may name. google.protobuf.Timestamp allows years 1..9999 and a client
    /// can send any seconds/nanos at all; outside this window there is nothing to book, and date
    /// arithmetic near the edges of the calendar would overflow.
    /// </summary>
    public static readonly Instant Earliest = Instant.FromUtc(1970, 1, 1, 0, 0);
    public static readonly Instant Latest = Instant.FromUtc(2200, 1, 1, 0, 0);

    /// <summary>The [from, to) range of ListOpenSlots: from is never before now.</summary>
    public static (Instant From, Instant To) OpenSlotRange(Timestamp? start, Timestamp? end, Instant now, Violations v)
    {
        var from = Time(start, "start_time", v) ?? now;
        if (from < now) from = now;
        var to = Time(end, "end_time", v) ?? from + Duration.FromDays(DefaultRangeDays);
        if (v.Any) return (from, to);
        if (to <= from) v.Add("end_time", "must be after start_time and in the future");
        else if (to - from > Duration.FromDays(MaxRangeDays)) v.Add("end_time", $"must be at most {MaxRangeDays} days after start_time");
        return (from, to);
    }

    /// <summary>What a ListOpenSlots page token is bound to: the request without its page size and token (AIP-158).</summary>
    public static ListOpenSlotsRequest WithoutPaging(ListOpenSlotsRequest request)
    {
        var query = request.Clone();
        query.PageSize = 0;
        query.PageToken = "";
        return query;
    }

    /// <summary>
    /// The range of the page after <paramref name="cursor"/>: slots starting after the previous page's
    /// last one (slots start on whole seconds), never before now, up to the end the first page resolved.
    /// </summary>
    public static (Instant From, Instant To) After(SlotPageToken.Cursor cursor, Instant from, Instant to)
    {
        var next = cursor.After + Duration.FromSeconds(1);
        return (next > from ? next : from, cursor.End < to ? cursor.End : to);
    }

    /// <summary>The [from, to) range of ListBookings (past bookings included).</summary>
    public static (Instant From, Instant To) BookingRange(Timestamp? start, Timestamp? end, Instant now, Violations v)
    {
        var from = Time(start, "start_time", v) ?? now;
        var to = Time(end, "end_time", v) ?? from + Duration.FromDays(MaxRangeDays);
        if (v.Any) return (from, to);
        if (to <= from) v.Add("end_time", "must be after start_time");
        else if (to - from > Duration.FromDays(366)) v.Add("end_time", "must be at most 366 days after start_time");
        return (from, to);
    }

    public static int PageSize(int requested, Violations v)
    {
        if (requested == 0) return DefaultPageSize;
        if (requested is < 1 or > MaxPageSize) v.Add("page_size", $"must be between 1 and {MaxPageSize}");
        return requested;
    }

    public static int Days(int requested, int fallback, int max, string field, Violations v)
    {
        if (requested == 0) return fallback;
        if (requested < 1 || requested > max) v.Add(field, $"must be between 1 and {max}");
        return requested;
    }

    /// <summary>
    /// How far ahead a slot may be held. A year and a day covers what people book ahead: next year's
    /// check-up on the same date, even across a 29 February. Beyond that the hours, the fee and the
    /// practice itself are guesses (the weekly hours repeat without end, they are not a promise for
    /// 2199), and every hold claims a slot key, so without a limit one client could pin sessions
    /// decades out. It is longer than every range that offers slots to hold: ListOpenSlots and
    /// GetEarliestSlots (62 days), ExportCalendar (92), the web page (the next weeks) and the load
    /// benchmark's booking race (up to 301 days ahead).
    /// </summary>
    public const int BookingHorizonDays = 366;

    /// <summary>The start of a slot to hold: required, not in the past, at most <see cref="BookingHorizonDays"/> ahead.</summary>
    public static Instant? Start(Timestamp? start, Instant now, Violations v)
    {
        if (start is null)
        {
            v.Add("start_time", "is required");
            return null;
        }
        var instant = Time(start, "start_time", v);
        if (instant < now) v.Add("start_time", "is in the past");
        else if (instant > now + Duration.FromDays(BookingHorizonDays))
            v.Add("start_time", $"must be at most {BookingHorizonDays} days ahead: slots further out cannot be held yet");
        return instant;
    }

    /// <summary>The instant a timestamp names; null (and a violation) when it is not a valid time in the calendar window.</summary>
    private static Instant? Time(Timestamp? time, string field, Violations v)
    {
        if (time is null) return null;
        if (time.Nanos is < 0 or > 999_999_999 || time.Seconds < Earliest.ToUnixTimeSeconds() || time.Seconds >= Latest.ToUnixTimeSeconds())
        {
            v.Add(field, $"must be a valid time between {Earliest} and {Latest}");
            return null;
        }
        return Instant.FromUnixTimeSeconds(time.Seconds).PlusNanoseconds(time.Nanos);
    }
}

using NodaTime;
using NodaTime.Text;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// The text forms of local dates and times in the availability contract ("yyyy-MM-dd", "HH:mm",
/// ISO 8601 with offset), parsed and written in one place so every rule agrees on them.
/// </summary>
public static class LocalClock
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");

    // "+00:00" rather than "Z" so a local time always reads as a wall-clock time with its offset.
    private static readonly OffsetDateTimePattern OffsetPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>
    /// Times parsed so far. Every slot lookup parses its listing's weekly windows again, and a
    /// NodaTime parse allocates a cursor, a bucket and a result; "HH:mm" has only 1,440 valid
    /// values, and only valid ones are kept, so the cache stays that small whatever callers send.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, LocalTime> Times = new(StringComparer.Ordinal);

    public static LocalTime? ParseTime(string text)
    {
        if (Times.TryGetValue(text, out var known)) return known;
        var result = TimePattern.Parse(text);
        if (!result.Success) return null;
        Times.TryAdd(text, result.Value);
        return result.Value;
    }

    /// <summary>
    /// A listing's IANA zone; UTC for a name the time-zone database does not know (listings are
    /// validated against it, so only data written before a tzdb change can miss).
    /// </summary>
    public static DateTimeZone Zone(string timeZone) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc;

    /// <summary>The date it is at <paramref name="now"/> in a listing's zone, the day its practitioner calls today.</summary>
    public static LocalDate Today(string timeZone, Instant now) => now.InZone(Zone(timeZone)).Date;

    /// <summary>The end of the day, as a window's end: "24:00" is midnight at the end of the window's date.</summary>
    public const string EndOfDay = "24:00";

    /// <summary>Minutes since midnight of a window's start "HH:mm" (0..1439).</summary>
    public static int? ParseStartMinute(string text) => ParseTime(text) is { } t ? t.Hour * 60 + t.Minute : null;

    /// <summary>Minutes since midnight of a window's end: "HH:mm", or <see cref="EndOfDay"/> (1440), since no session could otherwise end at midnight.</summary>
    public static int? ParseEndMinute(string text) => text == EndOfDay ? 24 * 60 : ParseStartMinute(text);

    public static LocalDate? ParseDate(string text)
    {
        var result = DatePattern.Parse(text);
        return result.Success ? result.Value : null;
    }

    public static string FormatDate(LocalDate date) => DatePattern.Format(date);

    public static string FormatLocal(OffsetDateTime time) => OffsetPattern.Format(time);
}

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

    public static LocalTime? ParseTime(string text)
    {
        var result = TimePattern.Parse(text);
        return result.Success ? result.Value : null;
    }

    public static LocalDate? ParseDate(string text)
    {
        var result = DatePattern.Parse(text);
        return result.Success ? result.Value : null;
    }

    public static string FormatDate(LocalDate date) => DatePattern.Format(date);

    public static string FormatLocal(OffsetDateTime time) => OffsetPattern.Format(time);
}

using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using NodaTime;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// Rules for a listing's weekly hours. Violations name the proto field paths the client sent
/// (e.g. "windows[2].end"), so a form can point at the exact row.
/// </summary>
public static class WeeklySchedule
{
    public const int MaxWindows = 50;
    public const int MinSessionMinutes = 10;
    public const int MaxSessionMinutes = 480;
    public const int MaxBufferMinutes = 120;
    public const int Telehealth = -1;

    /// <param name="locationCount">How many places the listing has (windows name one by index).</param>
    /// <param name="telehealth">Whether the listing offers telehealth: only then may a window be telehealth (-1).</param>
    public static void Validate(SetWeeklyAvailabilityRequest request, int locationCount, bool telehealth, Violations v)
    {
        if (request.SessionMinutes is < MinSessionMinutes or > MaxSessionMinutes)
            v.Add("session_minutes", $"must be between {MinSessionMinutes} and {MaxSessionMinutes}");
        if (request.BufferMinutes is < 0 or > MaxBufferMinutes)
            v.Add("buffer_minutes", $"must be between 0 and {MaxBufferMinutes}");
        if (request.Windows.Count > MaxWindows)
        {
            v.Add("windows", $"must have at most {MaxWindows} windows");
            return;
        }

        var session = request.SessionMinutes is >= MinSessionMinutes and <= MaxSessionMinutes ? request.SessionMinutes : (int?)null;
        var parsed = new List<(int Index, IsoDayOfWeek Day, int Location, int Start, int End)>();
        for (var i = 0; i < request.Windows.Count; i++)
        {
            var window = request.Windows[i];
            var field = $"windows[{i}]";
            var day = ToIsoDay(window.Weekday);
            if (day is null) v.Add(field + ".weekday", "must be MONDAY..SUNDAY");
            var location = ValidateLocation(window.LocationIndex, locationCount, telehealth, v, field + ".location_index");
            var span = ValidateSpan(window.Start, window.End, v, field, session);
            if (day is { } d && location && span is var (start, end))
                parsed.Add((i, d, window.LocationIndex, start, end));
        }

        // Sorted by (day, location, start): each window only needs comparing with its predecessor.
        var ordered = parsed.OrderBy(w => w.Day).ThenBy(w => w.Location).ThenBy(w => w.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (prev, cur) = (ordered[i - 1], ordered[i]);
            if (prev.Day == cur.Day && prev.Location == cur.Location && cur.Start < prev.End)
                v.Add($"windows[{cur.Index}]", $"overlaps windows[{prev.Index}] on the same weekday and location");
        }
    }

    /// <summary>
    /// Checks "HH:mm" start and end ("24:00" for midnight at the end of the day), end after start on
    /// the same day, and, when <paramref name="sessionMinutes"/> is known, room for one session: hours
    /// that can never offer a slot are a mistake the practitioner would never see otherwise. Returns
    /// the span in minutes since midnight; null when it is invalid.
    /// </summary>
    /// <remarks>
    /// Hours past midnight are two windows, one ending "24:00" and one starting "00:00" the next day,
    /// rather than one window whose end is before its start: a closed day, an overlap and the date of
    /// each slot then all mean one local date, and the buffer still applies between the two windows.
    /// </remarks>
    public static (int Start, int End)? ValidateSpan(string startText, string endText, Violations v, string field, int? sessionMinutes = null)
    {
        var start = LocalClock.ParseStartMinute(startText);
        var end = LocalClock.ParseEndMinute(endText);
        if (start is null) v.Add(field + ".start", "must be a 24-hour local time \"HH:mm\"");
        if (end is null) v.Add(field + ".end", $"must be a 24-hour local time \"HH:mm\", or \"{LocalClock.EndOfDay}\" for midnight at the end of the day");
        if (start is null || end is null) return null;
        if (end.Value <= start.Value)
        {
            v.Add(field + ".end", $"must be after start on the same day; for hours past midnight end this window at \"{LocalClock.EndOfDay}\" and add one from \"00:00\" on the next day");
            return null;
        }
        if (sessionMinutes is { } session && end.Value - start.Value < session)
        {
            v.Add(field, $"is {end.Value - start.Value} minutes long, shorter than one {session}-minute session, so it would never offer a slot; make it at least {session} minutes long or the sessions shorter");
            return null;
        }
        return (start.Value, end.Value);
    }

    /// <summary>
    /// Hours are at one of the listing's places, or telehealth (-1) when the listing offers it: a listing
    /// that says it offers no telehealth is shown as in-person only by search and matching, so its
    /// clients must not be sold telehealth sessions.
    /// </summary>
    public static bool ValidateLocation(int index, int locationCount, bool telehealth, Violations v, string field)
    {
        if ((index == Telehealth && telehealth) || (index >= 0 && index < locationCount)) return true;
        v.Add(field, (locationCount, telehealth) switch
        {
            (0, false) => "cannot be met: the listing has no locations and does not offer telehealth; add a place or turn telehealth on (UpdateListing) first",
            (0, true) => "must be -1 (telehealth): the listing has no locations",
            (_, false) => $"must be a location index 0..{locationCount - 1}: the listing does not offer telehealth (-1); turn telehealth on (UpdateListing) first to offer telehealth hours",
            _ => $"must be -1 (telehealth) or a location index 0..{locationCount - 1}",
        });
        return false;
    }

    public static IsoDayOfWeek? ToIsoDay(Weekday weekday) =>
        weekday is >= Weekday.Monday and <= Weekday.Sunday ? (IsoDayOfWeek)(int)weekday : null;
}

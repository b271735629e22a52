using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain.Availability;

/// <summary>
/// Plausible weekly hours for synthetic listings (demo data, benchmarks): three to five weekdays,
/// a morning-to-afternoon or an afternoon-to-evening window, common session lengths. Deterministic
/// per listing id, and always valid by <see cref="WeeklySchedule"/>'s rules.
/// </summary>
public static class SyntheticSchedules
{
    private static readonly (string Start, string End)[] Windows = [("09:00", "17:00"), ("08:00", "12:00"), ("13:00", "19:00"), ("10:00", "16:00")];
    private static readonly int[] Sessions = [45, 50, 60, 90];

    public static WeeklyAvailability For(Listing listing)
    {
        var rng = new Random((int)System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(listing.Id)));
        var days = Enumerable.Range(1, 6).OrderBy(_ => rng.Next()).Take(rng.Next(3, 6)).Order();
        var location = listing.Locations.Count > 0 ? 0 : WeeklySchedule.Telehealth;
        var schedule = new WeeklyAvailability
        {
            ListingId = listing.Id,
            TimeZone = listing.TimeZone,
            SessionMinutes = Sessions[rng.Next(Sessions.Length)],
            BufferMinutes = rng.Next(0, 3) * 10,
        };
        foreach (var day in days)
        {
            var (start, end) = Windows[rng.Next(Windows.Length)];
            schedule.Windows.Add(new WeeklyWindow { Weekday = (Weekday)day, Start = start, End = end, LocationIndex = location });
        }
        return schedule;
    }
}

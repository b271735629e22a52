using HealingNetwork.Directory.V1;

namespace HealingNetwork.Availability.Tests.Domain;

/// <summary>Small builders for weekly schedules in tests.</summary>
internal static class Schedules
{
    public static WeeklyWindow Window(Weekday day, string start, string end, int location = -1) =>
        new() { Weekday = day, Start = start, End = end, LocationIndex = location };

    public static WeeklyAvailability Weekly(int session, int buffer, params WeeklyWindow[] windows) =>
        new() { ListingId = "l1", SessionMinutes = session, BufferMinutes = buffer, Windows = { windows } };
}

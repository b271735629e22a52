using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using static HealingNetwork.Availability.Tests.Domain.Schedules;

namespace HealingNetwork.Availability.Tests.Domain;

public sealed class WeeklyScheduleTests
{
    private static List<string> Violations(SetWeeklyAvailabilityRequest request, int locations = 1, bool telehealth = true)
    {
        var v = new Violations();
        WeeklySchedule.Validate(request, locations, telehealth, v);
        return v.Items.Select(i => i.Field).ToList();
    }

    private static SetWeeklyAvailabilityRequest Request(int session, int buffer, params WeeklyWindow[] windows) =>
        new() { ListingId = "l1", SessionMinutes = session, BufferMinutes = buffer, Windows = { windows } };

    [Fact]
    public void A_valid_week_has_no_violations() =>
        Assert.Empty(Violations(Request(50, 10, Window(Weekday.Monday, "09:00", "12:00", 0), Window(Weekday.Monday, "13:00", "17:00", 0),
            Window(Weekday.Monday, "09:00", "12:00", -1))));

    [Fact]
    public void A_telehealth_window_is_refused_when_the_listing_offers_no_telehealth()
    {
        var request = Request(60, 0, Window(Weekday.Monday, "09:00", "12:00", 0), Window(Weekday.Tuesday, "09:00", "12:00", -1));

        Assert.Equal(["windows[1].location_index"], Violations(request, locations: 1, telehealth: false));
        Assert.Empty(Violations(request, locations: 1, telehealth: true));
    }

    [Fact]
    public void Telehealth_extra_hours_are_refused_when_the_listing_offers_no_telehealth()
    {
        var extra = new AvailabilityException { Date = "2026-02-02", Kind = ExceptionKind.ExtraHours, Start = "09:00", End = "12:00", LocationIndex = -1 };
        var v = new Violations();

        ExceptionRules.Validate(extra, 1, new NodaTime.LocalDate(2026, 1, 1), v, telehealth: false);

        Assert.Equal(["exception.location_index"], v.Items.Select(i => i.Field));
    }

    [Fact]
    public void Overlapping_windows_on_one_weekday_and_location_name_the_later_window() =>
        Assert.Equal(["windows[1]"], Violations(Request(60, 0, Window(Weekday.Tuesday, "09:00", "12:00", 0), Window(Weekday.Tuesday, "11:00", "13:00", 0))));

    [Fact]
    public void End_before_start_and_bad_times_are_named_by_field() =>
        Assert.Equal(["windows[0].end", "windows[1].start", "windows[2].end"],
            Violations(Request(60, 0, Window(Weekday.Monday, "12:00", "09:00"), Window(Weekday.Monday, "9am", "10:00"), Window(Weekday.Monday, "10:00", "24:30"))));

    [Fact]
    public void Unknown_weekday_and_location_are_rejected() =>
        Assert.Equal(["windows[0].weekday", "windows[1].location_index"],
            Violations(Request(60, 0, Window(Weekday.Unspecified, "09:00", "10:00"), Window(Weekday.Monday, "09:00", "10:00", 3))));

    [Theory]
    [InlineData(9, 0, "session_minutes")]
    [InlineData(481, 0, "session_minutes")]
    [InlineData(60, -1, "buffer_minutes")]
    [InlineData(60, 121, "buffer_minutes")]
    public void Session_and_buffer_limits(int session, int buffer, string field) =>
        Assert.Equal([field], Violations(Request(session, buffer, Window(Weekday.Monday, "09:00", "17:00"))));

    [Fact]
    public void More_than_fifty_windows_are_rejected()
    {
        var windows = Enumerable.Range(0, 51).Select(i => Window(Weekday.Monday, $"{i / 4:00}:{i % 4 * 15:00}", $"{i / 4:00}:{i % 4 * 15 + 10:00}")).ToArray();
        Assert.Equal(["windows"], Violations(Request(10, 0, windows)));
    }

    [Theory]
    [InlineData("2026-02-30", ExceptionKind.Closed, "", "", "exception.date")]
    [InlineData("2026-06-01", ExceptionKind.Unspecified, "", "", "exception.kind")]
    [InlineData("2026-06-01", ExceptionKind.ExtraHours, "14:00", "13:00", "exception.end")]
    [InlineData("2026-06-01", ExceptionKind.Closed, "09:00", "", "exception.start")]
    public void Exception_rules_name_the_bad_field(string date, ExceptionKind kind, string start, string end, string field)
    {
        var v = new Violations();
        ExceptionRules.Validate(new AvailabilityException { Date = date, Kind = kind, Start = start, End = end }, 1, new NodaTime.LocalDate(2026, 1, 1), v);
        Assert.Equal([field], v.Items.Select(i => i.Field));
    }
}

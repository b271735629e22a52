using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using NodaTime;
using NodaTime.Text;
using static HealingNetwork.Availability.Tests.Domain.Schedules;

namespace HealingNetwork.Availability.Tests.Domain;

public sealed class SlotCalculatorTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static Instant Utc(string text) => InstantPattern.General.Parse(text).Value;

    private static List<OpenSlot> SlotsOnDay(WeeklyAvailability schedule, DateTimeZone zone, string date)
    {
        var day = LocalDatePattern.Iso.Parse(date).Value;
        var from = day.AtStartOfDayInZone(zone).ToInstant();
        var to = day.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        return new SlotCalculator(schedule, zone).Slots(from, to).ToList();
    }

    private static void AssertNoOverlapOrRepeat(IReadOnlyList<OpenSlot> slots)
    {
        for (var i = 1; i < slots.Count; i++) Assert.True(slots[i].Start >= slots[i - 1].End, $"slot {i} overlaps slot {i - 1}");
    }

    [Fact]
    public void New_York_spring_forward_skips_the_missing_hour_and_keeps_wall_clock_times()
    {
        var slots = SlotsOnDay(Weekly(60, 0, Window(Weekday.Sunday, "01:00", "05:00")), NewYork, "2026-03-08");

        Assert.Equal(["2026-03-08T01:00:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T04:00:00-04:00"], slots.Select(s => s.LocalStart));
        Assert.Equal([Utc("2026-03-08T06:00:00Z"), Utc("2026-03-08T07:00:00Z"), Utc("2026-03-08T08:00:00Z")], slots.Select(s => s.Start));
        AssertNoOverlapOrRepeat(slots);
    }

    [Fact]
    public void New_York_fall_back_produces_the_repeated_hour_once_at_the_earlier_offset()
    {
        var slots = SlotsOnDay(Weekly(30, 0, Window(Weekday.Sunday, "00:30", "02:30")), NewYork, "2026-11-01");

        Assert.Equal(
            ["2026-11-01T00:30:00-04:00", "2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T02:00:00-05:00"],
            slots.Select(s => s.LocalStart));
        Assert.Equal(Utc("2026-11-01T07:00:00Z"), slots[^1].Start);
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
        AssertNoOverlapOrRepeat(slots);
    }

    [Fact]
    public void Berlin_spring_forward_skips_the_missing_hour()
    {
        var slots = SlotsOnDay(Weekly(60, 0, Window(Weekday.Sunday, "01:00", "04:00")), Berlin, "2026-03-29");

        Assert.Equal(["2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00"], slots.Select(s => s.LocalStart));
        Assert.Equal([Utc("2026-03-29T00:00:00Z"), Utc("2026-03-29T01:00:00Z")], slots.Select(s => s.Start));
    }

    [Fact]
    public void Berlin_fall_back_produces_the_repeated_hour_once_at_the_earlier_offset()
    {
        var slots = SlotsOnDay(Weekly(60, 0, Window(Weekday.Sunday, "01:00", "04:00")), Berlin, "2026-10-25");

        Assert.Equal(["2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T03:00:00+01:00"], slots.Select(s => s.LocalStart));
        Assert.Equal([Utc("2026-10-24T23:00:00Z"), Utc("2026-10-25T00:00:00Z"), Utc("2026-10-25T02:00:00Z")], slots.Select(s => s.Start));
        AssertNoOverlapOrRepeat(slots);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-02", "2026-03-16")]
    [InlineData("America/New_York", "2026-10-26", "2026-11-09")]
    [InlineData("Europe/Berlin", "2026-03-23", "2026-04-06")]
    [InlineData("Europe/Berlin", "2026-10-19", "2026-11-02")]
    public void A_daytime_week_across_a_DST_change_loses_and_doubles_no_slot(string zoneId, string fromDate, string toDate)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var schedule = Weekly(50, 10,
            Window(Weekday.Monday, "09:00", "12:00"), Window(Weekday.Saturday, "08:00", "17:00"), Window(Weekday.Sunday, "00:00", "06:00"));
        var from = LocalDatePattern.Iso.Parse(fromDate).Value.AtStartOfDayInZone(zone).ToInstant();
        var to = LocalDatePattern.Iso.Parse(toDate).Value.AtStartOfDayInZone(zone).ToInstant();

        var slots = new SlotCalculator(schedule, zone).Slots(from, to).ToList();

        // Per week: Monday 3, Saturday 9, Sunday 6 wall-clock starts; the Sunday with the change
        // loses exactly the starts inside the gap (02:00) or keeps the repeated hour once.
        var mondays = slots.Where(s => s.Start.InZone(zone).DayOfWeek == IsoDayOfWeek.Monday).ToList();
        Assert.Equal(6, mondays.Count);
        Assert.All(mondays, s => Assert.Contains(s.Start.InZone(zone).TimeOfDay.ToString("HH:mm", null), new[] { "09:00", "10:00", "11:00" }));
        Assert.Equal(18, slots.Count(s => s.Start.InZone(zone).DayOfWeek == IsoDayOfWeek.Saturday));
        var sundays = slots.Count(s => s.Start.InZone(zone).DayOfWeek == IsoDayOfWeek.Sunday);
        var springForward = fromDate.Contains("-03-", StringComparison.Ordinal);
        Assert.Equal(springForward ? 11 : 12, sundays);
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
        AssertNoOverlapOrRepeat(slots);
        Assert.All(slots, s => Assert.Equal(Duration.FromMinutes(50), s.End - s.Start));
    }

    [Fact]
    public void A_session_that_would_overlap_its_predecessor_after_a_gap_is_dropped()
    {
        var slots = SlotsOnDay(Weekly(90, 0, Window(Weekday.Sunday, "00:00", "06:00")), NewYork, "2026-03-08");

        Assert.Equal(["2026-03-08T00:00:00-05:00", "2026-03-08T01:30:00-05:00", "2026-03-08T04:30:00-04:00"], slots.Select(s => s.LocalStart));
        AssertNoOverlapOrRepeat(slots);
    }

    [Fact]
    public void Buffer_separates_sessions_and_the_last_session_ends_inside_the_window()
    {
        var slots = SlotsOnDay(Weekly(50, 10, Window(Weekday.Monday, "09:00", "11:45")), Berlin, "2026-06-01");

        Assert.Equal(["2026-06-01T09:00:00+02:00", "2026-06-01T10:00:00+02:00"], slots.Select(s => s.LocalStart));
    }

    [Fact]
    public void Closed_day_removes_the_date_and_extra_hours_add_a_window()
    {
        var schedule = Weekly(60, 0, Window(Weekday.Monday, "09:00", "11:00"));
        schedule.Exceptions.Add(new AvailabilityException { Date = "2026-06-01", Kind = ExceptionKind.Closed });
        schedule.Exceptions.Add(new AvailabilityException { Date = "2026-06-02", Kind = ExceptionKind.ExtraHours, Start = "14:00", End = "15:00", LocationIndex = 0 });

        Assert.Empty(SlotsOnDay(schedule, Berlin, "2026-06-01"));
        var tuesday = Assert.Single(SlotsOnDay(schedule, Berlin, "2026-06-02"));
        Assert.Equal("2026-06-02T14:00:00+02:00", tuesday.LocalStart);
        Assert.Equal(0, tuesday.LocationIndex);
        Assert.Equal(2, SlotsOnDay(schedule, Berlin, "2026-06-08").Count);
    }

    [Fact]
    public void Windows_of_two_locations_at_the_same_time_give_one_slot_per_instant()
    {
        var schedule = Weekly(60, 0, Window(Weekday.Monday, "09:00", "11:00", 0), Window(Weekday.Monday, "10:00", "12:00", 1));

        var slots = SlotsOnDay(schedule, Berlin, "2026-06-01");

        Assert.Equal(["09:00", "10:00", "11:00"], slots.Select(s => s.LocalStart[11..16]));
        Assert.Equal([0, 0, 1], slots.Select(s => s.LocationIndex));
    }

    [Theory]
    [InlineData("America/New_York", "2026-10-31")] // fall-back night: a window ending in the repeated hour
    [InlineData("America/New_York", "2026-03-07")] // spring-forward night
    [InlineData("Pacific/Kiritimati", "2026-06-01")] // UTC+14
    [InlineData("Pacific/Pago_Pago", "2026-06-01")] // UTC-11
    public void Starting_from_any_hour_gives_the_slots_of_the_whole_expansion_from_that_instant(string zoneId, string date)
    {
        // Windows that ended before `from` are skipped without being expanded: the result must not change.
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var schedule = Weekly(30, 0,
            Window(Weekday.Saturday, "00:00", "02:30"), Window(Weekday.Saturday, "20:00", "23:30"), Window(Weekday.Sunday, "00:30", "03:00"),
            Window(Weekday.Sunday, "09:00", "17:00"), Window(Weekday.Monday, "01:00", "02:00"), Window(Weekday.Friday, "22:00", "23:59"));
        var calculator = new SlotCalculator(schedule, zone);
        var start = LocalDatePattern.Iso.Parse(date).Value.AtStartOfDayInZone(zone).ToInstant() - Duration.FromDays(2);
        var to = start + Duration.FromDays(6);
        var all = calculator.Slots(start, to).ToList();
        Assert.NotEmpty(all);

        for (var from = start; from < to; from += Duration.FromMinutes(45))
            Assert.Equal(all.Where(s => s.Start >= from).Select(s => (s.Start, s.End, s.LocalStart, s.LocationIndex)),
                calculator.Slots(from, to).Select(s => (s.Start, s.End, s.LocalStart, s.LocationIndex)));
    }

    [Fact]
    public void Only_slots_starting_inside_the_range_are_returned()
    {
        var schedule = Weekly(60, 0, Window(Weekday.Monday, "09:00", "12:00"));
        var calculator = new SlotCalculator(schedule, DateTimeZone.Utc);

        var slots = calculator.Slots(Utc("2026-06-01T09:30:00Z"), Utc("2026-06-01T11:00:00Z")).ToList();

        Assert.Equal([Utc("2026-06-01T10:00:00Z")], slots.Select(s => s.Start));
    }
}

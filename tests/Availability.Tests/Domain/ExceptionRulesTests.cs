using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using NodaTime;

namespace HealingNetwork.Availability.Tests.Domain;

public sealed class ExceptionRulesTests
{
    /// <summary>23:30 UTC on Monday 7 January 2030: already the 8th in Auckland (UTC+13), still the 7th in Los Angeles (UTC-8).</summary>
    private static readonly Instant LateMondayUtc = Instant.FromUtc(2030, 1, 7, 23, 30);

    private static List<string> Violations(string date, string timeZone, Instant now)
    {
        var v = new Violations();
        ExceptionRules.Validate(new AvailabilityException { Date = date, Kind = ExceptionKind.Closed }, 1, LocalClock.Today(timeZone, now), v);
        return v.Items.Select(i => $"{i.Field}: {i.Description}").ToList();
    }

    [Theory]
    [InlineData("Pacific/Auckland", "2030-01-08")]
    [InlineData("America/Los_Angeles", "2030-01-07")]
    [InlineData("UTC", "2030-01-07")]
    public void Today_is_the_date_in_the_listings_zone(string timeZone, string today) =>
        Assert.Equal(today, LocalClock.FormatDate(LocalClock.Today(timeZone, LateMondayUtc)));

    [Fact]
    public void A_date_still_today_in_utc_but_yesterday_in_the_listings_zone_is_refused()
    {
        Assert.Equal(["exception.date: must not be before today (2030-01-08 in the listing's time zone)"],
            Violations("2030-01-07", "Pacific/Auckland", LateMondayUtc));
        Assert.Empty(Violations("2030-01-08", "Pacific/Auckland", LateMondayUtc));
    }

    [Fact]
    public void Today_in_the_listings_zone_is_allowed_though_it_is_tomorrow_in_utc_already()
    {
        Assert.Empty(Violations("2030-01-07", "America/Los_Angeles", LateMondayUtc));
        Assert.Single(Violations("2030-01-06", "America/Los_Angeles", LateMondayUtc));
    }

    [Fact]
    public void The_day_turns_at_local_midnight()
    {
        var lastMinuteOfSunday = Instant.FromUtc(2030, 1, 6, 22, 59); // 23:59 in Berlin (UTC+1)
        Assert.Empty(Violations("2030-01-06", "Europe/Berlin", lastMinuteOfSunday));
        Assert.Single(Violations("2030-01-06", "Europe/Berlin", lastMinuteOfSunday + Duration.FromMinutes(1)));
    }

    [Fact]
    public void A_date_that_is_no_date_gets_one_violation_not_two()
    {
        Assert.Equal(["exception.date: must be a local date \"yyyy-MM-dd\" between 1970 and 2199"], Violations("2030-02-30", "UTC", LateMondayUtc));
    }
}

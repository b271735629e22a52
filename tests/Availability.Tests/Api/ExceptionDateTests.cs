using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using NodaTime;

namespace HealingNetwork.Availability.Tests.Api;

/// <summary>Exceptions are for days still to come in the practitioner's calendar, through the real gRPC pipeline and store.</summary>
public sealed class ExceptionDateTests(DirectoryHost host) : IClassFixture<DirectoryHost>
{
    private readonly AvailabilityService.AvailabilityServiceClient _client = host.Client;

    /// <summary>
    /// A zone far from UTC where it is not within an hour of midnight now, so "today" cannot turn
    /// between the test working it out and the service doing so.
    /// </summary>
    private static (string Zone, LocalDate Today) ZoneAwayFromMidnight()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        foreach (var name in new[] { "Pacific/Kiritimati", "Pacific/Honolulu", "Asia/Kolkata" })
        {
            var local = now.InZone(DateTimeZoneProviders.Tzdb[name]).LocalDateTime;
            if (local.Hour is >= 1 and < 23) return (name, local.Date);
        }
        throw new InvalidOperationException("unreachable: these zones are 10.5 to 24 hours apart");
    }

    private Task<AvailabilityException> AddClosedDayAsync(Listing listing, LocalDate date) =>
        _client.AddExceptionAsync(new AddExceptionRequest
        {
            ListingId = listing.Id,
            Exception = new AvailabilityException { Date = Text(date), Kind = ExceptionKind.Closed },
        }, DirectoryHost.As(listing.OwnerId)).ResponseAsync;

    [Fact]
    public async Task Exception_dated_yesterday_in_the_listings_zone_is_refused()
    {
        var (zone, today) = ZoneAwayFromMidnight();
        var listing = await host.CreateListingAsync("owner-" + Guid.NewGuid().ToString("N"), zone);
        await _client.SetWeeklyAvailabilityAsync(new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00", LocationIndex = -1 } },
        }, DirectoryHost.As(listing.OwnerId));

        var refused = await RpcAssert.InvalidField("exception.date", () => AddClosedDayAsync(listing, today.PlusDays(-1)));
        var added = await AddClosedDayAsync(listing, today); // today is still allowed

        Assert.Contains($"must not be before today ({Text(today)} in the listing's time zone)",
            refused.FieldViolations.Single(f => f.Field == "exception.date").Description);
        var hours = await _client.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id });
        Assert.Equal([(added.Id, Text(today))], hours.Exceptions.Select(e => (e.Id, e.Date)));
    }

    private static string Text(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture);
}

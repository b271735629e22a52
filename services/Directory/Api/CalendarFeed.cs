using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using NodaTime;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// The public iCalendar feed of a listing's open hours, GET /feeds/listings/{id}.ics, for
/// calendar applications that subscribe to a URL and cannot speak gRPC. Anonymous, so open
/// slots only: never bookings or anything about clients. Same slots as ExportCalendar.
/// </summary>
public static class CalendarFeed
{
    public const string Route = "/feeds/listings/{listingId}.ics";

    /// <summary>Calendar apps poll; five minutes of caching (here or at a CDN) costs nothing real.</summary>
    public const string CacheControl = "public, max-age=300";

    public static IEndpointConventionBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, WriteAsync).AllowAnonymous();

    private static async Task<IResult> WriteAsync(
        string listingId, IListingStore listings, IAvailabilityStore availability, OpenSlotReader reader, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        if (listingId.Length is 0 or > 64) return Results.NotFound();
        var scheduleRead = availability.GetScheduleAsync(listingId, ct);
        var listing = await listings.GetAsync(listingId, ct);
        var schedule = await scheduleRead;
        if (listing is null) return Results.NotFound();
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var to = now + Duration.FromDays(SlotQueryRules.DefaultExportDays);
        IReadOnlyList<OpenSlot> open = schedule is null ? [] : await reader.OpenAsync(listing, schedule, now, to, int.MaxValue, ct);
        response.Headers.CacheControl = CacheControl;
        return Results.Text(CalendarExport.Write(listing, open, [], now), "text/calendar; charset=utf-8");
    }
}

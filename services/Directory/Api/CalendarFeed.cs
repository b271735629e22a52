using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using NodaTime;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// The public iCalendar feed of a listing's open hours, GET /feeds/listings/{id}.ics, for
/// calendar applications that subscribe to a URL and cannot speak gRPC. Anonymous, so open
/// slots only: never bookings or anything about clients. Same slots as ExportCalendar. HEAD is
/// answered as GET, without the body: calendar applications and link checkers ask with HEAD before
/// they subscribe, and a 405 there reads as a broken link.
/// </summary>
public static class CalendarFeed
{
    public const string Route = "/feeds/listings/{listingId}.ics";

    /// <summary>Calendar apps poll; five minutes of caching (here or at a CDN) costs nothing real.</summary>
    public const string CacheControl = "public, max-age=300";

    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointConventionBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], WriteAsync).AllowAnonymous();

    private static async Task<IResult> WriteAsync(
        string listingId, IListingStore listings, IAvailabilityStore availability, OpenSlotReader reader, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (listingId.Length is 0 or > 64) return Results.NotFound();
        var scheduleRead = availability.GetScheduleAsync(listingId, ct);
        var listing = await listings.GetAsync(listingId, ct);
        var schedule = await scheduleRead;
        if (listing is null) return Results.NotFound();
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var to = now + Duration.FromDays(SlotQueryRules.DefaultExportDays);
        IReadOnlyList<OpenSlot> open = schedule is null ? [] : await reader.OpenAsync(listing, schedule, now, to, int.MaxValue, ct);
        var ics = CalendarExport.Write(listing, open, [], now);
        response.Headers.CacheControl = CacheControl;
        if (!HttpMethods.IsHead(request.Method)) return Results.Text(ics, ContentType);
        // The headers GET would send, Content-Length included; Kestrel would drop a body anyway, other servers need not.
        response.ContentType = ContentType;
        response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(ics);
        return Results.Empty;
    }
}

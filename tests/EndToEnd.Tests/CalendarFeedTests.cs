using System.Net;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using HealingNetwork.Testing.System;

namespace HealingNetwork.EndToEnd.Tests;

/// <summary>The public iCalendar feed as a calendar application subscribes to it: a plain GET on the gateway.</summary>
[Collection(SystemCollection.Name)]
public sealed class CalendarFeedTests(RunningSystemFixture fixture)
{
    [Fact]
    public async Task The_feed_url_on_the_gateway_serves_open_hours_as_icalendar_without_a_token_and_without_client_data()
    {
        using var channel = fixture.System.GatewayChannel();
        var directory = new DirectoryService.DirectoryServiceClient(channel);
        var availability = new AvailabilityService.AvailabilityServiceClient(channel);
        var owner = "feed-owner-" + Guid.NewGuid().ToString("N")[..8];
        var client = "feed-client-" + Guid.NewGuid().ToString("N")[..8];
        var listing = await directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));
        var hours = new SetWeeklyAvailabilityRequest { ListingId = listing.Id, SessionMinutes = 60 };
        for (var day = Weekday.Monday; day <= Weekday.Sunday; day++)
            hours.Windows.Add(new WeeklyWindow { Weekday = day, Start = "10:00", End = "12:00", LocationIndex = 0 });
        await availability.SetWeeklyAvailabilityAsync(hours, Tokens.As(owner));
        var slots = (await availability.ListOpenSlotsAsync(new ListOpenSlotsRequest { ListingId = listing.Id, PageSize = 2 })).Slots;
        var hold = await availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slots[0].StartTime }, Tokens.As(client));
        var booking = await availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, Tokens.As(client));
        using var http = fixture.System.GatewayHttp();

        using var response = await http.GetAsync($"/feeds/listings/{listing.Id}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = Unfolded(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("BEGIN:VCALENDAR", text);
        Assert.InRange(Count(text, "BEGIN:VEVENT"), 27 * 2 - 1, 29 * 2);
        Assert.Contains($"SUMMARY:Open: {listing.DisplayName.Replace(",", "\\,", StringComparison.Ordinal)}", text); // RFC 5545 escapes commas
        Assert.Contains(OpenSlotUid(listing.Id, slots[1]), text);
        Assert.DoesNotContain(OpenSlotUid(listing.Id, slots[0]), text); // booked, so no longer open
        Assert.DoesNotContain(client, text);
        Assert.DoesNotContain(booking.BookingId, text);
        Assert.DoesNotContain("Session:", text);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/feeds/listings/unknown.ics")).StatusCode);
    }

    /// <summary>The UID the feed gives an open slot (Domain/Availability/CalendarExport).</summary>
    private static string OpenSlotUid(string listingId, Slot slot) =>
        $"UID:open-{listingId}-{slot.StartTime.Seconds}@healing.network";

    /// <summary>RFC 5545 folds long lines as CRLF + space; unfold before looking for text.</summary>
    private static string Unfolded(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    private static int Count(string text, string value) => text.Split(value).Length - 1;
}

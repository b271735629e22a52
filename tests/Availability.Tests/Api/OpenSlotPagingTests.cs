using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Availability.Tests.Api;

/// <summary>
/// ListOpenSlots pages (AIP-158) instead of ending silently at the page size, through the real gRPC
/// pipeline and store. QA saw the web page show "50 open slots." ending on the 1st of a 31-day range
/// that had 424.
/// </summary>
public sealed class OpenSlotPagingTests(DirectoryHost host) : IClassFixture<DirectoryHost>
{
    private readonly AvailabilityService.AvailabilityServiceClient _client = host.Client;

    /// <summary>Weekdays 09:00–17:00, hour sessions with a 15-minute buffer: about 150 slots a month.</summary>
    private async Task<Listing> WeekdayPracticeAsync()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listing = await host.CreateListingAsync(owner);
        var request = new SetWeeklyAvailabilityRequest { ListingId = listing.Id, SessionMinutes = 60, BufferMinutes = 15 };
        for (var day = Weekday.Monday; day <= Weekday.Friday; day++)
            request.Windows.Add(new WeeklyWindow { Weekday = day, Start = "09:00", End = "17:00", LocationIndex = -1 });
        await _client.SetWeeklyAvailabilityAsync(request, DirectoryHost.As(owner));
        return listing;
    }

    /// <summary>From tomorrow, so no slot passes into the past between pages.</summary>
    private static ListOpenSlotsRequest Range(string listingId, int days, int pageSize)
    {
        var start = DateTimeOffset.UtcNow.Date.AddDays(1);
        return new ListOpenSlotsRequest
        {
            ListingId = listingId, PageSize = pageSize,
            StartTime = Timestamp.FromDateTime(DateTime.SpecifyKind(start, DateTimeKind.Utc)),
            EndTime = Timestamp.FromDateTime(DateTime.SpecifyKind(start.AddDays(days), DateTimeKind.Utc)),
        };
    }

    [Fact]
    public async Task Paging_through_a_month_returns_every_open_slot_once_in_order_and_says_when_more_follow()
    {
        var listing = await WeekdayPracticeAsync();
        var all = (await _client.ListOpenSlotsAsync(Range(listing.Id, 31, 1000))).Slots;

        var paged = new List<Slot>();
        var pages = 0;
        var request = Range(listing.Id, 31, 50);
        while (true)
        {
            var page = await _client.ListOpenSlotsAsync(request);
            pages++;
            Assert.True(page.Slots.Count <= 50);
            paged.AddRange(page.Slots);
            if (page.NextPageToken == "") break;
            Assert.Equal(50, page.Slots.Count); // a token only on full pages that have more after them
            request.PageToken = page.NextPageToken;
        }

        Assert.True(all.Count > 100, $"only {all.Count} slots");
        Assert.Equal(all, paged);
        Assert.Equal((all.Count + 49) / 50, pages);
    }

    [Fact]
    public async Task A_slot_booked_between_pages_is_left_out_without_hiding_the_next_one()
    {
        var listing = await WeekdayPracticeAsync();
        var request = Range(listing.Id, 14, 10);
        var first = await _client.ListOpenSlotsAsync(request);
        var expected = (await _client.ListOpenSlotsAsync(Range(listing.Id, 14, 30))).Slots.Skip(10).ToList();

        // Someone books the first slot of the next page (and the last of this one is held) between the two pages.
        var client = DirectoryHost.As("client-" + Guid.NewGuid().ToString("N"));
        var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = expected[0].StartTime }, client);
        await _client.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, client);
        await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = first.Slots[^1].StartTime }, client);
        request.PageToken = first.NextPageToken;
        var second = await _client.ListOpenSlotsAsync(request);

        Assert.Equal(expected.Skip(1).Take(10), second.Slots);
    }

    [Fact]
    public async Task A_page_token_used_with_another_range_or_made_up_is_invalid_argument_on_page_token()
    {
        var listing = await WeekdayPracticeAsync();
        var first = await _client.ListOpenSlotsAsync(Range(listing.Id, 14, 5));
        var otherRange = Range(listing.Id, 7, 5);
        otherRange.PageToken = first.NextPageToken;
        var otherSize = Range(listing.Id, 14, 7);
        otherSize.PageToken = first.NextPageToken;
        var madeUp = Range(listing.Id, 14, 5);
        madeUp.PageToken = "bm90IGEgdG9rZW4";

        var refused = await RpcAssert.InvalidField("page_token", () => _client.ListOpenSlotsAsync(otherRange).ResponseAsync);
        await RpcAssert.InvalidField("page_token", () => _client.ListOpenSlotsAsync(madeUp).ResponseAsync);
        var resized = await _client.ListOpenSlotsAsync(otherSize); // AIP-158: the page size may change between pages

        Assert.Contains("different query", refused.FieldViolations.Single(f => f.Field == "page_token").Description);
        Assert.Equal(7, resized.Slots.Count);
        Assert.True(resized.Slots[0].StartTime.Seconds > first.Slots[^1].StartTime.Seconds);
    }
}

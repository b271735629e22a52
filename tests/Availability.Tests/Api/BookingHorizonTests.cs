using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Availability.Tests.Api;

/// <summary>How far ahead a slot can be held, through the real gRPC pipeline and store.</summary>
public sealed class BookingHorizonTests(DirectoryHost host) : IClassFixture<DirectoryHost>
{
    private readonly AvailabilityService.AvailabilityServiceClient _client = host.Client;

    /// <summary>A telehealth listing open every day nearly all day, in 60-minute sessions.</summary>
    private async Task<Listing> OpenEveryDayAsync()
    {
        var listing = await host.CreateListingAsync("owner-" + Guid.NewGuid().ToString("N"));
        var request = new SetWeeklyAvailabilityRequest { ListingId = listing.Id, SessionMinutes = 60 };
        for (var day = Weekday.Monday; day <= Weekday.Sunday; day++)
            request.Windows.Add(new WeeklyWindow { Weekday = day, Start = "00:00", End = "23:00", LocationIndex = -1 });
        await _client.SetWeeklyAvailabilityAsync(request, DirectoryHost.As(listing.OwnerId));
        return listing;
    }

    /// <summary>The first open slot at least <paramref name="days"/> days from now.</summary>
    private async Task<Slot> FirstSlotAfterAsync(Listing listing, int days)
    {
        var from = DateTimeOffset.UtcNow.AddDays(days);
        return (await _client.ListOpenSlotsAsync(new ListOpenSlotsRequest
        {
            ListingId = listing.Id, PageSize = 1,
            StartTime = Timestamp.FromDateTimeOffset(from), EndTime = Timestamp.FromDateTimeOffset(from.AddDays(2)),
        })).Slots[0];
    }

    [Fact]
    public async Task Holding_a_slot_beyond_the_booking_horizon_is_refused()
    {
        var listing = await OpenEveryDayAsync();
        var client = DirectoryHost.As("client-" + Guid.NewGuid().ToString("N"));
        var beyond = await FirstSlotAfterAsync(listing, SlotQueryRules.BookingHorizonDays + 1);
        var within = await FirstSlotAfterAsync(listing, SlotQueryRules.BookingHorizonDays - 2);

        var refused = await RpcAssert.InvalidField("start_time", () =>
            _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = beyond.StartTime }, client).ResponseAsync);
        var hold = await _client.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = within.StartTime }, client);

        Assert.Contains("must be at most 366 days ahead", refused.FieldViolations.Single(f => f.Field == "start_time").Description);
        Assert.Equal(within.StartTime, hold.Slot.StartTime);
        Assert.Equal([hold.HoldId], (await _client.ListMyBookingsAsync(new ListMyBookingsRequest(), client)).Holds.Select(h => h.HoldId));
    }
}

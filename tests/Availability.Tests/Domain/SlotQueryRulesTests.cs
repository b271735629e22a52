using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.ServiceDefaults.Errors;
using NodaTime;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace HealingNetwork.Availability.Tests.Domain;

public sealed class SlotQueryRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2030, 1, 7, 9, 0);

    private static List<string> StartViolations(Instant start)
    {
        var v = new Violations();
        SlotQueryRules.Start(Timestamp.FromDateTimeOffset(start.ToDateTimeOffset()), Now, v);
        return v.Items.Select(i => $"{i.Field}: {i.Description}").ToList();
    }

    [Fact]
    public void A_slot_up_to_the_booking_horizon_can_be_held()
    {
        Assert.Empty(StartViolations(Now));
        Assert.Empty(StartViolations(Now + Duration.FromDays(SlotQueryRules.BookingHorizonDays)));
    }

    [Fact]
    public void A_slot_beyond_the_booking_horizon_is_refused_on_start_time()
    {
        Assert.Equal(["start_time: must be at most 366 days ahead: slots further out cannot be held yet"],
            StartViolations(Now + Duration.FromDays(SlotQueryRules.BookingHorizonDays) + Duration.FromSeconds(1)));
        Assert.Single(StartViolations(Instant.FromUtc(2199, 12, 31, 9, 0)));
    }

    [Fact]
    public void The_horizon_reaches_past_every_range_that_offers_slots()
    {
        Assert.True(SlotQueryRules.BookingHorizonDays > SlotQueryRules.MaxRangeDays);
        Assert.True(SlotQueryRules.BookingHorizonDays > SlotQueryRules.MaxExportDays);
    }
}

using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Availability.Tests.Domain;

public sealed class SyntheticSchedulesTests
{
    [Fact]
    public void Every_synthetic_schedule_is_valid_and_stable_for_its_listing()
    {
        var listings = SyntheticListings.Generate(500, seed: 7).Select((l, i) => { l.Id = $"listing-{i:D4}"; return l; }).ToArray();
        foreach (var listing in listings)
        {
            var schedule = SyntheticSchedules.For(listing);
            var request = new SetWeeklyAvailabilityRequest
            {
                ListingId = listing.Id, SessionMinutes = schedule.SessionMinutes, BufferMinutes = schedule.BufferMinutes, Windows = { schedule.Windows },
            };
            var v = new Violations();
            WeeklySchedule.Validate(request, listing.Locations.Count, listing.Telehealth, v);

            Assert.False(v.Any, string.Join("; ", v.Items.Select(i => $"{i.Field}: {i.Description}")));
            Assert.InRange(schedule.Windows.Count, 3, 5);
            Assert.Equal(schedule, SyntheticSchedules.For(listing));
        }
    }
}

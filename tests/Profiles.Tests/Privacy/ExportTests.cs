using System.Text.Json;
using Google.Protobuf;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Privacy;

/// <summary>ExportProfile gives the caller everything stored about them, and nothing about anyone else.</summary>
public sealed class ExportTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task The_export_holds_every_profile_of_the_caller_with_care_team_and_history()
    {
        var owner = Users.Fresh("alice");
        var me = Tokens.As(owner);
        var first = await fixture.CreateAsync(owner, PrivateStory.Profile());
        var withPartner = await fixture.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = first.Id, Partner = PrivateStory.Partner() }, me);
        var withHistory = await fixture.Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = first.Id,
            Partner = new CarePartner { Id = withPartner.CareTeam[0].Id, Cadence = Cadence.Regular },
        }, me);
        var second = await fixture.CreateAsync(owner);
        var third = await fixture.CreateAsync(owner, PrivateStory.Profile());
        await fixture.CreateAsync(Users.Fresh("bob"));

        var export = await fixture.Profiles.ExportProfileAsync(new ExportProfileRequest { Id = second.Id }, me);

        using var json = JsonDocument.Parse(export.Json);
        Assert.Equal(owner, json.RootElement.GetProperty("subject").GetString());
        var exported = json.RootElement.GetProperty("profiles").EnumerateArray()
            .Select(p => JsonParser.Default.Parse<Profile>(p.GetRawText()))
            .ToArray();
        // Every profile, each exactly as stored, in id order (oldest first: ids are UUIDv7).
        Assert.Equal(new[] { withHistory, second, third }.OrderBy(p => p.Id, StringComparer.Ordinal), exported);
        Assert.Single(exported[Array.FindIndex(exported, p => p.Id == first.Id)].CareTeam[0].History);
        Assert.Contains(PrivateStory.StoryWord, export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_the_callers_bookings_and_live_holds_and_no_one_elses()
    {
        var owner = Users.Fresh("alice");
        var me = Tokens.As(owner);
        var (listing, _, slots) = await BookableListing.CreateAsync(fixture.System, slots: 3);
        var profile = await fixture.CreateAsync(owner);
        var hold = await fixture.System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slots[0].StartTime }, me);
        var booking = await fixture.System.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, me);
        var outstanding = await fixture.System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slots[1].StartTime }, me);
        var someoneElse = Tokens.As(Users.Fresh("bob"));
        var theirs = await fixture.System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slots[2].StartTime }, someoneElse);

        var export = await fixture.Profiles.ExportProfileAsync(new ExportProfileRequest { Id = profile.Id }, me);

        using var json = JsonDocument.Parse(export.Json);
        var bookings = json.RootElement.GetProperty("bookings").EnumerateArray().Select(b => JsonParser.Default.Parse<Booking>(b.GetRawText())).ToArray();
        var exported = Assert.Single(bookings);
        Assert.Equal((booking.BookingId, booking.Slot, owner, BookingState.Confirmed), (exported.BookingId, exported.Slot, exported.ClientId, exported.State));
        var holds = json.RootElement.GetProperty("holds").EnumerateArray().Select(h => JsonParser.Default.Parse<Hold>(h.GetRawText())).ToArray();
        Assert.Equal([outstanding.HoldId], holds.Select(h => h.HoldId));
        Assert.Equal(outstanding.Slot, holds[0].Slot);
        Assert.DoesNotContain(theirs.HoldId, export.Json, StringComparison.Ordinal);
    }
}

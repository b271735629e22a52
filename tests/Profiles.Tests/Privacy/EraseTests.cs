using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.Storage;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Storage;
using HealingNetwork.Testing;
using StackExchange.Redis;

namespace HealingNetwork.Profiles.Tests.Privacy;

/// <summary>DeleteProfile erases everything about the person: a scan of the whole store finds nothing left.</summary>
public sealed class EraseTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static IDatabase Db => TestStore.Instance.Connection.GetDatabase();

    [Fact]
    public async Task Deleting_the_last_profile_leaves_nothing_keyed_to_or_mentioning_the_person()
    {
        var owner = Users.Fresh("alice");
        var me = Tokens.As(owner);
        var listing = await fixture.System.Directory.CreateListingAsync(
            new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(Users.Fresh("practitioner")));
        var profile = await fixture.CreateAsync(owner, PrivateStory.Profile());
        var partner = new CarePartner { ListingId = listing.Id, Layer = CareLayer.Body, Cadence = Cadence.Intensive, Modalities = { "naturopathy" } };
        var withPartner = await fixture.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = profile.Id, Partner = partner }, me);
        await fixture.Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { Id = withPartner.CareTeam[0].Id, Cadence = Cadence.Maintenance },
        }, me);
        await fixture.System.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = profile.Id }, me);
        Assert.True(await Db.KeyExistsAsync(SharedKeys.MatchCache(profile.Id)));
        Assert.NotEmpty(await StoreScan.KeysMentioningAsync(owner));

        await fixture.Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = profile.Id }, me);

        Assert.Empty(await StoreScan.KeysMentioningAsync(profile.Id));
        Assert.Empty(await StoreScan.KeysMentioningAsync(owner));
        await RpcAssert.FailsWith(StatusCode.NotFound, async () =>
            await fixture.System.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = profile.Id }, me));
        Assert.False(await Db.KeyExistsAsync(SharedKeys.MatchCache(profile.Id)));
    }

    [Fact]
    public async Task Deleting_one_of_two_profiles_keeps_the_other_and_the_owner_index()
    {
        var owner = Users.Fresh("alice");
        var me = Tokens.As(owner);
        var first = await fixture.CreateAsync(owner);
        var second = await fixture.CreateAsync(owner);

        await fixture.Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = first.Id }, me);

        Assert.Equal([(RedisValue)second.Id], await Db.SetMembersAsync(RedisProfileStore.OwnerKey(owner)));
        Assert.Equal(second, await fixture.Profiles.GetProfileAsync(new GetProfileRequest { Id = second.Id }, me));
        Assert.Empty(await StoreScan.KeysMentioningAsync(first.Id));

        await fixture.Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = second.Id }, me);

        Assert.False(await Db.KeyExistsAsync(RedisProfileStore.OwnerKey(owner)));
    }

    [Fact]
    public async Task Deleting_the_last_profile_erases_the_person_from_their_bookings_and_holds_but_keeps_the_slot_booked()
    {
        var owner = Users.Fresh("booker");
        var me = Tokens.As(owner);
        var (listing, practitioner, slots) = await BookableListing.CreateAsync(fixture.System, slots: 2);
        var (slot, heldSlot) = (slots[0], slots[1]);
        var hold = await fixture.System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slot.StartTime }, me);
        var booking = await fixture.System.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, me);
        // A second slot held and never confirmed: the hold names the person until it lapses.
        var outstanding = await fixture.System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = heldSlot.StartTime }, me);
        var profile = await fixture.CreateAsync(owner, PrivateStory.Profile());
        Assert.Contains(await StoreScan.KeysMentioningAsync(owner), k => k.StartsWith("hold:", StringComparison.Ordinal));

        await fixture.Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = profile.Id }, me);

        Assert.Empty(await StoreScan.KeysMentioningAsync(owner));
        Assert.Empty(await StoreScan.KeysMentioningAsync(outstanding.HoldId[(listing.Id.Length + 1)..]));
        var bookings = await fixture.System.Availability.ListBookingsAsync(new ListBookingsRequest
        {
            ListingId = listing.Id, StartTime = slot.StartTime, EndTime = slot.EndTime,
        }, practitioner);
        var kept = Assert.Single(bookings.Bookings, b => b.BookingId == booking.BookingId);
        Assert.NotEqual(owner, kept.ClientId);
        var open = await fixture.System.Availability.ListOpenSlotsAsync(new ListOpenSlotsRequest { ListingId = listing.Id, PageSize = 2 });
        Assert.Contains(open.Slots, s => s.StartTime == heldSlot.StartTime);
    }
}

using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Storage;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Privacy;

/// <summary>
/// A person whose last profile was deleted while Directory was down, and who starts again with a new
/// profile before retrying that delete: the old erasure takes what existed before, never what the
/// new profile's owner books afterwards.
/// </summary>
public sealed class OwedErasureTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_new_profile_finishes_the_owed_erasure_first_so_retrying_the_old_delete_keeps_new_bookings()
    {
        await using var profilesHost = ProfilesBehind(out var outage);
        var profiles = new ProfileService.ProfileServiceClient(profilesHost.Channel());
        var (listing, practitioner, slots) = await BookableListing.CreateAsync(fixture.System, slots: 2);
        var owner = Users.Fresh("booker");
        var me = Tokens.As(owner);
        var before = await Bookings.BookAsync(fixture.System, listing, slots[0], me);
        var old = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, me);
        await DeleteWhileDirectoryIsDownAsync(profiles, outage, old.Id, me);

        var fresh = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, me);
        Assert.Equal("erased", await Bookings.ClientOfAsync(fixture.System, listing, slots[0], before, practitioner));
        var after = await Bookings.BookAsync(fixture.System, listing, slots[1], me);
        // The old delete, retried now, has nothing left to finish.
        await RpcAssert.FailsWith(StatusCode.NotFound, async () =>
            await profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = old.Id }, me));

        Assert.Equal(owner, await Bookings.ClientOfAsync(fixture.System, listing, slots[1], after, practitioner));
        Assert.Equal(fresh, await profiles.GetProfileAsync(new GetProfileRequest { Id = fresh.Id }, me));
    }

    [Fact]
    public async Task A_booking_made_with_no_profile_while_an_erasure_is_owed_survives_retrying_the_old_delete()
    {
        await using var profilesHost = ProfilesBehind(out var outage);
        var profiles = new ProfileService.ProfileServiceClient(profilesHost.Channel());
        var (listing, practitioner, slots) = await BookableListing.CreateAsync(fixture.System, slots: 2);
        var owner = Users.Fresh("booker");
        var me = Tokens.As(owner);
        var before = await Bookings.BookAsync(fixture.System, listing, slots[0], me);
        var old = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, me);
        await DeleteWhileDirectoryIsDownAsync(profiles, outage, old.Id, me);

        // Booking needs no profile: the person books again before anything retries the delete.
        var after = await Bookings.BookAsync(fixture.System, listing, slots[1], me);
        var retried = await StatusOfAsync(() => profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = old.Id }, me).ResponseAsync);

        Assert.Equal(owner, await Bookings.ClientOfAsync(fixture.System, listing, slots[1], after, practitioner));
        Assert.Equal("erased", await Bookings.ClientOfAsync(fixture.System, listing, slots[0], before, practitioner));
        // Booking finished the owed erasure, so the retried delete found nothing left to finish.
        Assert.Equal(StatusCode.NotFound, retried);
    }

    [Fact]
    public async Task A_hold_made_before_the_delete_cannot_be_confirmed_while_its_erasure_is_owed()
    {
        await using var profilesHost = ProfilesBehind(out var outage);
        var profiles = new ProfileService.ProfileServiceClient(profilesHost.Channel());
        var (listing, practitioner, slots) = await BookableListing.CreateAsync(fixture.System, slots: 1);
        var owner = Users.Fresh("booker");
        var me = Tokens.As(owner);
        var old = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, me);
        var hold = await fixture.System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slots[0].StartTime }, me);
        await DeleteWhileDirectoryIsDownAsync(profiles, outage, old.Id, me);

        // The hold is the person's data from before the delete: the erasure takes it, so it books nothing.
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () =>
            await fixture.System.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, me));
        var again = await Bookings.BookAsync(fixture.System, listing, slots[0], me);
        await RpcAssert.FailsWith(StatusCode.NotFound, async () =>
            await profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = old.Id }, me));

        Assert.Equal(owner, await Bookings.ClientOfAsync(fixture.System, listing, slots[0], again, practitioner));
    }

    [Fact]
    public async Task Creating_a_profile_while_an_erasure_is_owed_and_directory_is_down_is_unavailable_and_stores_nothing()
    {
        await using var profilesHost = ProfilesBehind(out var outage);
        var profiles = new ProfileService.ProfileServiceClient(profilesHost.Channel());
        var (listing, practitioner, slots) = await BookableListing.CreateAsync(fixture.System, slots: 1);
        var owner = Users.Fresh("booker");
        var me = Tokens.As(owner);
        var booking = await Bookings.BookAsync(fixture.System, listing, slots[0], me);
        // Created while Directory is up, so the modality taxonomy is cached and the erasure is what fails.
        var old = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, me);
        outage.Down = true;
        await RpcAssert.FailsWith(StatusCode.Unavailable, async () =>
            await profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = old.Id }, me));

        var refused = await RpcAssert.FailsWith(StatusCode.Unavailable, async () =>
            await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, me));

        Assert.Contains("earlier profile deletion", refused.Status.Detail, StringComparison.Ordinal);
        Assert.False(await fixture.System.Store.Connection.GetDatabase().KeyExistsAsync(RedisProfileStore.OwnerKey(owner)));
        Assert.Equal(owner, await Bookings.ClientOfAsync(fixture.System, listing, slots[0], booking, practitioner));

        outage.Down = false;
        var created = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, me);

        Assert.Equal("erased", await Bookings.ClientOfAsync(fixture.System, listing, slots[0], booking, practitioner));
        Assert.Equal(created, await profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, me));
    }

    /// <summary>Deletes the profile while its bookings cannot be erased (UNAVAILABLE), leaving the erasure owed.</summary>
    private static async Task DeleteWhileDirectoryIsDownAsync(ProfileService.ProfileServiceClient profiles, Outage outage, string id, CallOptions me)
    {
        outage.Down = true;
        await RpcAssert.FailsWith(StatusCode.Unavailable, async () => await profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = id }, me));
        outage.Down = false;
    }

    private static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        try { await call(); return StatusCode.OK; }
        catch (RpcException e) { return e.StatusCode; }
    }

    /// <summary>A Profiles service of its own whose calls to Directory pass through <paramref name="outage"/>.</summary>
    private ServiceHost<Profiles.Api.ProfilesApi> ProfilesBehind(out Outage outage)
    {
        var through = new Outage(fixture.System.DirectoryHost.Server.CreateHandler());
        outage = through;
        return new ServiceHost<Profiles.Api.ProfilesApi>(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = fixture.System.Store.ConnectionString, ["Auth:SigningKey"] = Tokens.SigningKey },
            new HostRouter(new Dictionary<string, Func<HttpMessageHandler>> { ["directory"] = () => through }));
    }
}

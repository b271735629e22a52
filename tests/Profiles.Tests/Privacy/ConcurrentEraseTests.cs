using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Privacy;

/// <summary>
/// Whichever delete leaves a person with no profile erases them from their bookings, however deletes
/// interleave and even when Directory fails half-way.
/// </summary>
public sealed class ConcurrentEraseTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    // The race lost about one run in six before the fix; twenty runs make a pass by luck unlikely.
    private const int Runs = 20;

    [Fact]
    public async Task Deleting_the_last_two_profiles_at_once_erases_the_person_from_their_bookings()
    {
        var (listing, practitioner, slots) = await BookableListing.CreateAsync(fixture.System, slots: Runs);
        foreach (var slot in slots)
        {
            var owner = Users.Fresh("booker");
            var me = Tokens.As(owner);
            var booking = await Bookings.BookAsync(fixture.System, listing, slot, me);
            var first = await fixture.CreateAsync(owner);
            var second = await fixture.CreateAsync(owner);

            await Task.WhenAll(
                fixture.Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = first.Id }, me).ResponseAsync,
                fixture.Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = second.Id }, me).ResponseAsync);

            Assert.Equal("erased", await Bookings.ClientOfAsync(fixture.System, listing, slot, booking, practitioner));
        }
    }

    [Fact]
    public async Task Deleting_the_last_profile_while_directory_is_down_fails_and_the_retry_erases_the_bookings()
    {
        var system = fixture.System;
        var outage = new Outage(system.DirectoryHost.Server.CreateHandler());
        await using var profilesHost = new ServiceHost<Profiles.Api.ProfilesApi>(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = system.Store.ConnectionString, ["Auth:SigningKey"] = Tokens.SigningKey },
            new HostRouter(new Dictionary<string, Func<HttpMessageHandler>> { ["directory"] = () => outage }));
        var profiles = new ProfileService.ProfileServiceClient(profilesHost.Channel());
        var (listing, practitioner, slots) = await BookableListing.CreateAsync(system, slots: 1);
        var owner = Users.Fresh("booker");
        var me = Tokens.As(owner);
        var booking = await Bookings.BookAsync(system, listing, slots[0], me);
        var profile = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, me);
        outage.Down = true;

        await RpcAssert.FailsWith(StatusCode.Unavailable, async () =>
            await profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = profile.Id }, me));
        outage.Down = false;
        await profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = profile.Id }, me);

        Assert.Equal("erased", await Bookings.ClientOfAsync(system, listing, slots[0], booking, practitioner));
        Assert.Empty(await StoreScan.KeysMentioningAsync(owner));
        // Once finished, the debt is gone: a third try is an ordinary delete of a missing profile.
        await RpcAssert.FailsWith(StatusCode.NotFound, async () =>
            await profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = profile.Id }, me));
    }
}

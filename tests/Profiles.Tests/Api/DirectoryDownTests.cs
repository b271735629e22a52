using System.Diagnostics;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>Profiles calls that need Directory, while Directory is down: UNAVAILABLE within seconds, nothing changed.</summary>
public sealed class DirectoryDownTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task Adding_a_listing_partner_while_directory_is_down_is_unavailable_within_five_seconds_and_changes_nothing()
    {
        var system = fixture.System;
        var outage = new Outage(system.DirectoryHost.Server.CreateHandler());
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = system.Store.ConnectionString,
            ["Auth:SigningKey"] = Tokens.SigningKey,
        };
        await using var profilesHost = new ServiceHost<Profiles.Api.ProfilesApi>(settings,
            new HostRouter(new Dictionary<string, Func<HttpMessageHandler>> { ["directory"] = () => outage }));
        var profiles = new ProfileService.ProfileServiceClient(profilesHost.Channel());
        var owner = Users.Fresh("alice");
        var listing = await system.Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(Users.Fresh("practitioner")));
        // Created while Directory is up, so the modality taxonomy is cached and the listing lookup is what fails.
        var created = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, Tokens.As(owner));
        outage.Down = true;

        var clock = Stopwatch.StartNew();
        await RpcAssert.FailsWith(StatusCode.Unavailable, async () => await profiles.AddCarePartnerAsync(new AddCarePartnerRequest
        {
            ProfileId = created.Id,
            Partner = new CarePartner { ListingId = listing.Id, Layer = CareLayer.Body, Cadence = Cadence.Regular },
        }, Tokens.As(owner)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(created, await profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }
}

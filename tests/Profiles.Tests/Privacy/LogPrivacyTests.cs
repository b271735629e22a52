using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Privacy;

/// <summary>Nothing a client writes in private free text reaches the logs, at any level, even when a request fails.</summary>
public sealed class LogPrivacyTests(LoggedSystemFixture fixture) : IClassFixture<LoggedSystemFixture>
{
    private ProfileService.ProfileServiceClient Profiles => fixture.Profiles;

    [Fact]
    public async Task No_log_entry_contains_the_story_even_for_failed_requests()
    {
        var owner = Users.Fresh("alice");
        var me = Tokens.As(owner);
        var created = await fixture.CreateAsync(owner, PrivateStory.Profile());
        await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, me);
        var withPartner = await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = PrivateStory.Partner() }, me);
        await Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = created.Id,
            Partner = new CarePartner { Id = withPartner.CareTeam[0].Id, Cadence = Cadence.Maintenance, Name = PrivateStory.PartnerWord + " again" },
        }, me);
        await fixture.System.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = created.Id }, me);
        await Profiles.ExportProfileAsync(new ExportProfileRequest { Id = created.Id }, me);

        await FailedRequestsCarryingTheStoryAsync(await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, me), me);
        await Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = created.Id }, me);

        var logs = fixture.Logs.Entries;
        Assert.Contains(logs, e => e.StartsWith("Trace", StringComparison.Ordinal) || e.StartsWith("Debug", StringComparison.Ordinal));
        foreach (var word in PrivateStory.Words)
            Assert.DoesNotContain(logs, e => e.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    private async Task FailedRequestsCarryingTheStoryAsync(Profile current, CallOptions me)
    {
        var story = PrivateStory.Profile().Story;
        var invalid = PrivateStory.Profile();
        invalid.MaxTravelKm = -1;
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = invalid }, me));
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () => await Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = current.Id, Etag = current.Etag, Story = story + new string('!', 8000) },
            UpdateMask = new FieldMask { Paths = { "story" } },
        }, me));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () => await Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = current.Id, Etag = "stale", Story = story },
            UpdateMask = new FieldMask { Paths = { "story" } },
        }, me));
        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = current.Id, Etag = current.Etag, Story = story },
        }, Tokens.As(Users.Fresh("mallory"))));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, async () =>
            await Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = PrivateStory.Profile() }, new CallOptions()));
    }
}

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>Create, get, update and delete through the real gRPC pipeline against the real store.</summary>
public sealed class ProfileApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private ProfileService.ProfileServiceClient Profiles => fixture.Profiles;

    [Fact]
    public async Task A_created_profile_belongs_to_the_caller_and_reads_back_unchanged()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);

        Assert.NotEmpty(created.Id);
        Assert.Equal(owner, created.OwnerId);
        Assert.Equal(1, created.Version);
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.CreateTime);
        var expected = Samples.NatureClient();
        Assert.Equal(expected.Story, created.Story);
        Assert.Equal(expected.DisplayName, created.DisplayName);

        var read = await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner));
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task A_create_without_a_profile_names_the_missing_field()
    {
        await RpcAssert.InvalidField("profile", async () =>
            await Profiles.CreateProfileAsync(new CreateProfileRequest(), Tokens.As(Users.Fresh("alice"))));
    }

    [Fact]
    public async Task A_masked_update_changes_only_the_named_fields_and_gives_a_new_etag()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);

        var updated = await Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = created.Id, Etag = created.Etag, Story = "Sleeping better now.", MaxTravelKm = 900 },
            UpdateMask = new FieldMask { Paths = { "story" } },
        }, Tokens.As(owner));

        Assert.Equal("Sleeping better now.", updated.Story);
        Assert.Equal(created.MaxTravelKm, updated.MaxTravelKm);
        Assert.Equal(created.Version + 1, updated.Version);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(updated, await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_rest_update_takes_its_mask_in_the_proto3_json_form_from_the_query_string()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        using var http = RestClient(owner);

        var reply = await http.PatchAsync($"/v1/profiles/{created.Id}?updateMask=displayName,maxTravelKm", Json(
            $$"""{"id":"{{created.Id}}","etag":"{{created.Etag}}","displayName":"Riv","maxTravelKm":12,"story":"Not this."}"""));

        Assert.Equal(System.Net.HttpStatusCode.OK, reply.StatusCode);
        var updated = Google.Protobuf.JsonParser.Default.Parse<Profile>(await reply.Content.ReadAsStringAsync());
        Assert.Equal("Riv", updated.DisplayName);
        Assert.Equal(12, updated.MaxTravelKm);
        Assert.Equal(created.Story, updated.Story);
    }

    [Fact]
    public async Task A_rest_update_with_a_stale_etag_is_a_400_whose_message_says_to_read_again()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        await Profiles.UpdateProfileAsync(Rename(created, "First"), Tokens.As(owner));
        using var http = RestClient(owner);

        var reply = await http.PatchAsync($"/v1/profiles/{created.Id}?updateMask=displayName", Json(
            $$"""{"id":"{{created.Id}}","etag":"{{created.Etag}}","displayName":"Second"}"""));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Contains("read it again", await reply.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_rest_create_with_an_unknown_orientation_is_a_400_naming_the_field_without_dotnet_type_names()
    {
        using var http = RestClient(Users.Fresh("alice"));

        var reply = await http.PostAsync("/v1/profiles", Json("""{"displayName":"Riv","orientation":"WILD"}"""));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.StatusCode);
        var body = await reply.Content.ReadAsStringAsync();
        Assert.Contains("\"field\":\"profile.orientation\"", body);
        Assert.DoesNotContain("HealingNetwork.", body);
        Assert.DoesNotContain("enum type", body);
    }

    [Fact]
    public async Task An_update_without_a_mask_replaces_every_writable_field()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var replacement = Samples.NatureClient();
        replacement.Id = created.Id;
        replacement.Etag = created.Etag;
        replacement.LifestyleTags.Clear();
        replacement.Budget = null;
        replacement.TimeBankHours = true;

        var updated = await Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = replacement }, Tokens.As(owner));

        Assert.Empty(updated.LifestyleTags);
        Assert.Null(updated.Budget);
        Assert.True(updated.TimeBankHours);
        Assert.Equal(owner, updated.OwnerId);
        Assert.Equal(created.CreateTime, updated.CreateTime);
    }

    [Fact]
    public async Task Stale_etag_is_rejected_with_failed_precondition()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        await Profiles.UpdateProfileAsync(Rename(created, "First"), Tokens.As(owner));

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () =>
            await Profiles.UpdateProfileAsync(Rename(created, "Second"), Tokens.As(owner)));
        var read = await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner));
        Assert.Equal("First", read.DisplayName);
    }

    [Fact]
    public async Task An_update_without_an_etag_is_invalid()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var request = Rename(created, "New");
        request.Profile.Etag = "";
        await RpcAssert.InvalidField("profile.etag", async () => await Profiles.UpdateProfileAsync(request, Tokens.As(owner)));
    }

    [Theory]
    [InlineData("owner_id")]
    [InlineData("care_team")]
    [InlineData("version")]
    [InlineData("not_a_field")]
    public async Task A_mask_naming_an_output_only_or_unknown_field_is_invalid(string path)
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var request = Rename(created, "New");
        request.UpdateMask.Paths.Add(path);
        await RpcAssert.InvalidField("update_mask.paths[1]", async () => await Profiles.UpdateProfileAsync(request, Tokens.As(owner)));
        Assert.Equal(created, await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task An_invalid_masked_value_is_refused_and_changes_nothing()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        await RpcAssert.InvalidField("profile.max_travel_km", async () => await Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = created.Id, Etag = created.Etag, MaxTravelKm = -5 },
            UpdateMask = new FieldMask { Paths = { "max_travel_km" } },
        }, Tokens.As(owner)));
        Assert.Equal(created, await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_let_exactly_one_win()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);

        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await Profiles.UpdateProfileAsync(Rename(created, $"Name {i}"), Tokens.As(owner));
                return StatusCode.OK;
            }
            catch (RpcException ex) { return ex.StatusCode; }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(19, outcomes.Count(o => o == StatusCode.FailedPrecondition));
        var read = await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner));
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task A_deleted_profile_is_gone()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        await Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = created.Id }, Tokens.As(owner));
        await RpcAssert.FailsWith(StatusCode.NotFound, async () =>
            await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
        await RpcAssert.FailsWith(StatusCode.NotFound, async () =>
            await Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")] // 65 characters
    public async Task A_malformed_profile_id_is_invalid_argument_naming_id(string id)
    {
        var details = await RpcAssert.InvalidField("id", async () =>
            await Profiles.GetProfileAsync(new GetProfileRequest { Id = id }, Tokens.As(Users.Fresh("alice"))));

        Assert.Equal(["id"], details.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Every_call_on_an_unknown_id_is_not_found()
    {
        var caller = Tokens.As(Users.Fresh("alice"));
        foreach (var call in ProfileCalls.OnProfile(Profiles, Guid.NewGuid().ToString("N"), "1", "partner-1"))
            await RpcAssert.FailsWith(StatusCode.NotFound, () => call(caller));
    }

    [Fact]
    public async Task Every_call_on_someone_elses_profile_is_not_found_and_reveals_nothing()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var withPartner = await Profiles.AddCarePartnerAsync(
            new AddCarePartnerRequest { ProfileId = created.Id, Partner = InvalidPartners.Valid() }, Tokens.As(owner));
        var mallory = Tokens.As(Users.Fresh("mallory"));

        foreach (var call in ProfileCalls.OnProfile(Profiles, created.Id, withPartner.Etag, withPartner.CareTeam[0].Id))
        {
            var ex = await RpcAssert.FailsWith(StatusCode.NotFound, () => call(mallory));
            Assert.DoesNotContain(created.DisplayName, ex.Status.Detail);
            Assert.DoesNotContain("gut", ex.Status.Detail);
        }
        Assert.Equal(withPartner, await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task Every_call_without_a_token_is_unauthenticated()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var anonymous = new CallOptions();

        await RpcAssert.FailsWith(StatusCode.Unauthenticated, async () =>
            await Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, anonymous));
        foreach (var call in ProfileCalls.OnProfile(Profiles, created.Id, created.Etag, "partner-1"))
            await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => call(anonymous));
    }

    [Fact]
    public async Task A_forged_token_is_unauthenticated()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var forged = new CallOptions(new Metadata { { "authorization", "Bearer " + Tokens.For(owner)[..^4] + "AAAA" } });
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, async () =>
            await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, forged));
    }

    private HttpClient RestClient(string owner)
    {
        var http = fixture.System.ProfilesHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(owner));
        return http;
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static UpdateProfileRequest Rename(Profile current, string name) => new()
    {
        Profile = new Profile { Id = current.Id, Etag = current.Etag, DisplayName = name },
        UpdateMask = new FieldMask { Paths = { "display_name" } },
    };
}

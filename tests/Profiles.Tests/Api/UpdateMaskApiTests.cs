using System.Net;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>
/// A masked update with a path that names no field and bad values in the fields it does name is
/// refused once, with a BadRequest naming every one of them, and changes nothing.
/// </summary>
public sealed class UpdateMaskApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static readonly JsonParser StatusParser = new(JsonParser.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(BadRequest.Descriptor)));

    [Fact]
    public async Task A_rest_patch_names_the_unknown_mask_path_and_the_bad_values_of_the_known_ones_together()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        using var http = fixture.System.ProfilesHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(owner));

        var reply = await http.PatchAsync($"/v1/profiles/{created.Id}?updateMask=story,nosuch,languages", new StringContent(
            $$$"""{"etag":"{{{created.Etag}}}","story":"Bad\u0007story","languages":["en","EN"]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        var status = StatusParser.Parse<Google.Rpc.Status>(await reply.Content.ReadAsStringAsync());
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        var violations = Assert.Single(status.Details).Unpack<BadRequest>().FieldViolations;
        Assert.Equal(["update_mask.paths[1]", "profile.languages[1]", "profile.story"], violations.Select(v => v.Field));
        Assert.Contains(violations, v => v is { Field: "update_mask.paths[1]", Description: "'nosuch' is not a field of Profile" });
        Assert.Equal(created, await fixture.Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_rest_patch_masking_a_weight_it_leaves_out_returns_that_weight_to_its_default()
    {
        var owner = Users.Fresh("alice");
        var client = Samples.NatureClient();
        client.Weights = new MatchWeights { Lifestyle = 5, Modality = 1 };
        var created = await fixture.CreateAsync(owner, client);
        using var http = fixture.System.ProfilesHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(owner));

        var reply = await http.PatchAsync($"/v1/profiles/{created.Id}?updateMask=weights.lifestyle", new StringContent(
            $$$"""{"etag":"{{{created.Etag}}}","weights":{}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var stored = await fixture.Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner));
        Assert.False(stored.Weights.HasLifestyle);
        Assert.Equal(1, stored.Weights.Modality);
        var matched = await fixture.System.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = created.Id }, Tokens.As(owner));
        // Defaults lifestyle 3, distance 2, terms 2, availability 1, approach 2, with the kept modality 1.
        Assert.Equal(3.0 / 11, matched.WeightsUsed.Lifestyle, 9);
    }

    [Fact]
    public async Task A_grpc_update_masking_weights_without_sending_any_unsets_only_the_masked_ones()
    {
        var owner = Users.Fresh("alice");
        var client = Samples.NatureClient();
        client.Weights = new MatchWeights { Lifestyle = 5, Distance = 4, Terms = 0 };
        var created = await fixture.CreateAsync(owner, client);

        var updated = await fixture.Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = created.Id, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "weights.lifestyle", "weights.terms" } },
        }, Tokens.As(owner));

        // MatchWeights' Equals compares values only, so presence is asserted field by field.
        var stored = (await fixture.Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner))).Weights;
        Assert.Equal((false, false, true, 4.0), (stored.HasLifestyle, stored.HasTerms, stored.HasDistance, stored.Distance));
        Assert.Equal((false, false), (updated.Weights.HasLifestyle, updated.Weights.HasTerms));
    }

    [Fact]
    public async Task A_grpc_update_names_an_output_only_path_and_the_bad_value_of_a_known_one_together()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);

        var details = await RpcAssert.InvalidField("update_mask.paths[0]", async () => await fixture.Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = created.Id, Etag = created.Etag, OwnerId = "mallory", MaxTravelKm = 5000 },
            UpdateMask = new FieldMask { Paths = { "owner_id", "max_travel_km" } },
        }, Tokens.As(owner)));

        Assert.Equal(["update_mask.paths[0]", "profile.max_travel_km"], details.FieldViolations.Select(v => v.Field));
    }
}

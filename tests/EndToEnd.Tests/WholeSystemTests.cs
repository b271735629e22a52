using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;
using HealingNetwork.Testing.System;

namespace HealingNetwork.EndToEnd.Tests;

/// <summary>The three journeys' first slice through the gateway of the real, running system.</summary>
[Collection(SystemCollection.Name)]
public sealed class WholeSystemTests(RunningSystemFixture fixture)
{
    [Fact]
    public async Task A_listing_and_a_profile_meet_in_find_matches_through_the_gateway_and_survive_a_restart()
    {
        var dataRoot = TempFolder.New("healing-e2e");
        Listing listing;
        string profileId;
        try
        {
            await using (var system = await RunningSystem.StartAsync(dataRoot))
            {
                using var channel = system.GatewayChannel();
                var directory = new DirectoryService.DirectoryServiceClient(channel);
                var profiles = new ProfileService.ProfileServiceClient(channel);
                var matching = new MatchingService.MatchingServiceClient(channel);

                listing = await directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As("practitioner-1"));
                var profile = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, Tokens.As("client-1"));
                profileId = profile.Id;

                // The first FindMatches of a cold system (see ColdStart).
                var matches = await ColdStart.ReadAsync(() => matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = profile.Id, PageSize = 5 }, Tokens.As("client-1")));

                var match = Assert.Single(matches.Matches, m => m.Listing.Id == listing.Id);
                Assert.InRange(match.Score, 0.5, 1);
                Assert.Equal(["lifestyle", "modality", "distance", "terms", "availability", "approach", "freshness"], match.Components.Select(c => c.Name));
                Assert.Contains(match.Reasons, r => r.Contains("Sliding scale from $40 fits your $50 budget", StringComparison.Ordinal));
            }

            await using (var restarted = await RunningSystem.StartAsync(dataRoot))
            {
                using var channel = restarted.GatewayChannel();
                var again = await new DirectoryService.DirectoryServiceClient(channel).GetListingAsync(new GetListingRequest { Id = listing.Id });
                Assert.Equal(listing.DisplayName, again.DisplayName);
                var profile = await new ProfileService.ProfileServiceClient(channel).GetProfileAsync(new GetProfileRequest { Id = profileId }, Tokens.As("client-1"));
                Assert.Equal(Samples.NatureClient().Story, profile.Story);
                var search = await new DirectoryService.DirectoryServiceClient(channel).SearchListingsAsync(new SearchListingsRequest { Modalities = { "naturopathy" } });
                Assert.Contains(search.Results, r => r.Listing.Id == listing.Id);
            }
        }
        finally
        {
            TempFolder.DeleteQuietly(dataRoot);
        }
    }

    [Fact]
    public async Task Rest_creates_and_reads_a_listing_and_bad_input_is_a_400_naming_fields()
    {
        using var http = fixture.System.GatewayHttp();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("rest-user"));
        var body = Google.Protobuf.JsonFormatter.Default.Format(Samples.Naturopath());

        var created = await http.PostAsync("/v1/listings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var read = await http.GetFromJsonAsync<JsonElement>($"/v1/listings/{id}");
        Assert.Equal("Maya Okafor, ND", read.GetProperty("displayName").GetString());

        var bad = await http.PostAsync("/v1/listings", new StringContent("""{"displayName":"","timeZone":"Mars/Base"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("listing.time_zone", problem);
        Assert.Contains("listing.display_name", problem);

        var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Rest_json_a_service_cannot_read_is_a_400_naming_the_field_and_an_unknown_path_is_a_404_through_the_gateway()
    {
        using var http = fixture.System.GatewayHttp();

        var unreadable = await http.PostAsync("/v1/listings:search", new StringContent("""{"orientations":["NOPE"]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        var problem = JsonDocument.Parse(await unreadable.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, problem.GetProperty("code").GetInt32());
        var violation = Assert.Single(Assert.Single(problem.GetProperty("details").EnumerateArray()).GetProperty("fieldViolations").EnumerateArray());
        Assert.Equal("orientations[0]", violation.GetProperty("field").GetString());
        Assert.DoesNotContain("HealingNetwork.", problem.GetRawText());

        var unknown = await http.GetAsync("/v2/anything");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Gateway_serves_reflection_for_every_service_and_refuses_bad_input_with_field_violations()
    {
        using var channel = fixture.System.GatewayChannel();
        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();
        Assert.Contains("healing.directory.v1.DirectoryService", services);
        Assert.Contains("healing.profiles.v1.ProfileService", services);
        Assert.Contains("healing.matching.v1.MatchingService", services);

        var profiles = new ProfileService.ProfileServiceClient(channel);
        var ex = await Assert.ThrowsAsync<RpcException>(() => profiles.CreateProfileAsync(
            new CreateProfileRequest { Profile = new Profile { MaxTravelKm = -1 } }, Tokens.As("someone")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var details = ex.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        Assert.Contains(details!.FieldViolations, v => v.Field == "profile.max_travel_km");
    }
}

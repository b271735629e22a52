using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Browser.Tests;

/// <summary>
/// GET /v1/profiles (ListProfiles) through the running gateway's REST port to the real Profiles
/// service and store: each person sees only their own profiles, pages walk all of them once, bad
/// paging is a 400 naming the field, and no token is a 401.
/// </summary>
public sealed class ProfileListRestTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Two_people_each_list_only_their_own_profiles()
    {
        var (ana, ben) = (Fresh("ana"), Fresh("ben"));
        var anas = await CreateAsync(ana, 2);
        var bens = await CreateAsync(ben, 3);

        var anaSees = await ListedIdsAsync(ana, "/v1/profiles");
        var benSees = await ListedIdsAsync(ben, "/v1/profiles");

        Assert.Equal(anas.AsEnumerable().Reverse(), anaSees);
        Assert.Equal(bens.AsEnumerable().Reverse(), benSees);
    }

    [Fact]
    public async Task Pages_walk_every_profile_once_newest_first()
    {
        var owner = Fresh("paging");
        var created = await CreateAsync(owner, 5);
        using var http = Http(owner);

        var seen = new List<string>();
        var path = "/v1/profiles?pageSize=2";
        for (var pages = 0; path is not null && pages < 10; pages++)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync(path));
            seen.AddRange(page.RootElement.GetProperty("profiles").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            path = page.RootElement.TryGetProperty("nextPageToken", out var next) && next.GetString() is { Length: > 0 } token
                ? $"/v1/profiles?pageSize=2&pageToken={Uri.EscapeDataString(token)}"
                : null;
        }

        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Theory]
    [InlineData("/v1/profiles?pageSize=51", "page_size")]
    [InlineData("/v1/profiles?pageSize=-1", "page_size")]
    [InlineData("/v1/profiles?pageToken=not-a-token", "page_token")]
    public async Task Bad_paging_is_400_naming_the_field(string path, string field)
    {
        using var http = Http(Fresh("bad"));

        var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)StatusCode.InvalidArgument, body.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(body.RootElement.GetProperty("details").EnumerateArray().SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray()),
            v => v.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task Another_persons_page_token_is_400_naming_page_token()
    {
        var owner = Fresh("owner");
        await CreateAsync(owner, 2);
        using var page = JsonDocument.Parse(await Http(owner).GetStringAsync("/v1/profiles?pageSize=1"));
        var token = page.RootElement.GetProperty("nextPageToken").GetString()!;

        var response = await Http(Fresh("stranger")).GetAsync($"/v1/profiles?pageToken={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page_token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_token_it_is_401_and_grpc_says_unauthenticated()
    {
        using var http = new HttpClient { BaseAddress = system.GatewayHttp };

        var response = await http.GetAsync("/v1/profiles");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var grpc = new ProfileService.ProfileServiceClient(system.Channel());
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await grpc.ListProfilesAsync(new ListProfilesRequest()));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    private static string Fresh(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    private HttpClient Http(string user)
    {
        var http = new HttpClient { BaseAddress = system.GatewayHttp };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningSystem.Token(user));
        return http;
    }

    /// <summary>Creates <paramref name="count"/> profiles for <paramref name="owner"/> through the gateway, oldest first; their ids.</summary>
    private async Task<List<string>> CreateAsync(string owner, int count)
    {
        var grpc = new ProfileService.ProfileServiceClient(system.Channel());
        var headers = new Metadata { { "authorization", "Bearer " + RunningSystem.Token(owner) } };
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (i > 0) await Task.Delay(2); // ids carry their creation millisecond: one per millisecond keeps "newest first" exact
            ids.Add((await grpc.CreateProfileAsync(new CreateProfileRequest { Profile = MatrixWorld.SampleProfile() }, headers)).Id);
        }
        return ids;
    }

    private async Task<List<string>> ListedIdsAsync(string user, string path)
    {
        using var page = JsonDocument.Parse(await Http(user).GetStringAsync(path));
        return page.RootElement.GetProperty("profiles").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
    }
}

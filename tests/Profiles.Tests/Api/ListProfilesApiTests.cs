using System.Net;
using System.Text.Json;
using Grpc.Core;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>ListProfiles through the real gRPC pipeline (and its REST mapping) against the real store.</summary>
public sealed class ListProfilesApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private ProfileService.ProfileServiceClient Profiles => fixture.Profiles;

    [Fact]
    public async Task Each_person_lists_only_their_own_profiles_newest_first()
    {
        var (alice, bob) = (Users.Fresh("alice"), Users.Fresh("bob"));
        var alices = await CreateInTurnAsync(alice, 3);
        var bobs = await CreateInTurnAsync(bob, 2);

        var alicesList = await Profiles.ListProfilesAsync(new ListProfilesRequest(), Tokens.As(alice));
        var bobsList = await Profiles.ListProfilesAsync(new ListProfilesRequest(), Tokens.As(bob));

        Assert.Equal(alices.Select(p => p.Id).Reverse(), alicesList.Profiles.Select(p => p.Id));
        Assert.Equal(bobs.Select(p => p.Id).Reverse(), bobsList.Profiles.Select(p => p.Id));
        Assert.All(alicesList.Profiles, p => Assert.Equal(alice, p.OwnerId));
        Assert.Equal(alices[^1], alicesList.Profiles[0]); // the whole profile, story included, as GetProfile returns it
        Assert.Empty(alicesList.NextPageToken);
    }

    [Fact]
    public async Task Paging_walks_every_profile_once_newest_first()
    {
        var owner = Users.Fresh("paula");
        var created = await CreateInTurnAsync(owner, 7);

        var pages = await AllPagesAsync(owner, pageSize: 3);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Profiles.Count));
        Assert.Equal(created.Select(p => p.Id).Reverse(), pages.SelectMany(p => p.Profiles).Select(p => p.Id));
        Assert.Empty(pages[^1].NextPageToken);
    }

    [Fact]
    public async Task Without_a_page_size_a_page_holds_twenty()
    {
        var owner = Users.Fresh("many");
        var created = await CreateInTurnAsync(owner, 21);

        var first = await Profiles.ListProfilesAsync(new ListProfilesRequest(), Tokens.As(owner));
        var rest = await Profiles.ListProfilesAsync(new ListProfilesRequest { PageToken = first.NextPageToken }, Tokens.As(owner));

        Assert.Equal(20, first.Profiles.Count);
        Assert.Equal(created[0].Id, Assert.Single(rest.Profiles).Id);
        Assert.Empty(rest.NextPageToken);
    }

    [Fact]
    public async Task A_profile_created_or_deleted_between_pages_neither_repeats_nor_hides_another()
    {
        var owner = Users.Fresh("pia");
        var created = await CreateInTurnAsync(owner, 4);
        var first = await Profiles.ListProfilesAsync(new ListProfilesRequest { PageSize = 2 }, Tokens.As(owner));

        await fixture.CreateAsync(owner); // newest: it sorts before the page already read
        await Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = created[0].Id }, Tokens.As(owner));
        var second = await Profiles.ListProfilesAsync(new ListProfilesRequest { PageSize = 2, PageToken = first.NextPageToken }, Tokens.As(owner));

        Assert.Equal([created[3].Id, created[2].Id], first.Profiles.Select(p => p.Id));
        Assert.Equal([created[1].Id], second.Profiles.Select(p => p.Id));
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task Deleted_profiles_never_appear_and_a_person_with_none_gets_an_empty_list()
    {
        var owner = Users.Fresh("dora");
        var created = await CreateInTurnAsync(owner, 2);

        await Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = created[1].Id }, Tokens.As(owner));
        var one = await Profiles.ListProfilesAsync(new ListProfilesRequest(), Tokens.As(owner));
        await Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = created[0].Id }, Tokens.As(owner));
        var none = await Profiles.ListProfilesAsync(new ListProfilesRequest(), Tokens.As(owner));

        Assert.Equal(created[0].Id, Assert.Single(one.Profiles).Id);
        Assert.Empty(none.Profiles);
        Assert.Empty(none.NextPageToken);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public async Task A_page_size_outside_1_to_50_is_invalid_argument_naming_page_size(int pageSize)
    {
        await RpcAssert.InvalidField("page_size", async () =>
            await Profiles.ListProfilesAsync(new ListProfilesRequest { PageSize = pageSize }, Tokens.As(Users.Fresh("alice"))));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("AQ")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9")]
    public async Task A_page_token_this_service_did_not_issue_is_invalid_argument_naming_page_token(string token)
    {
        await RpcAssert.InvalidField("page_token", async () =>
            await Profiles.ListProfilesAsync(new ListProfilesRequest { PageToken = token }, Tokens.As(Users.Fresh("alice"))));
    }

    [Fact]
    public async Task Another_persons_page_token_is_refused_naming_page_token_not_walked()
    {
        var alice = Users.Fresh("alice");
        await CreateInTurnAsync(alice, 2);
        var first = await Profiles.ListProfilesAsync(new ListProfilesRequest { PageSize = 1 }, Tokens.As(alice));

        var refused = await RpcAssert.InvalidField("page_token", async () =>
            await Profiles.ListProfilesAsync(new ListProfilesRequest { PageToken = first.NextPageToken }, Tokens.As(Users.Fresh("mallory"))));

        Assert.Contains("different request", Assert.Single(refused.FieldViolations).Description);
    }

    [Fact]
    public async Task Bad_page_size_and_token_are_reported_together()
    {
        var refused = await RpcAssert.InvalidField("page_size", async () =>
            await Profiles.ListProfilesAsync(new ListProfilesRequest { PageSize = 99, PageToken = "x" }, Tokens.As(Users.Fresh("alice"))));

        Assert.Contains(refused.FieldViolations, v => v.Field == "page_token");
    }

    [Fact]
    public async Task Listing_without_a_token_is_unauthenticated()
    {
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, async () =>
            await Profiles.ListProfilesAsync(new ListProfilesRequest(), new CallOptions()));
    }

    [Fact]
    public async Task Rest_get_of_v1_profiles_lists_the_callers_profiles_and_pages_with_the_token()
    {
        var owner = Users.Fresh("rosa");
        var created = await CreateInTurnAsync(owner, 3);
        using var http = fixture.System.ProfilesHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(owner));

        using var first = JsonDocument.Parse(await http.GetStringAsync("/v1/profiles?pageSize=2"));
        var token = first.RootElement.GetProperty("nextPageToken").GetString();
        using var second = JsonDocument.Parse(await http.GetStringAsync($"/v1/profiles?pageSize=2&pageToken={Uri.EscapeDataString(token!)}"));

        var ids = first.RootElement.GetProperty("profiles").EnumerateArray().Concat(second.RootElement.GetProperty("profiles").EnumerateArray())
            .Select(p => p.GetProperty("id").GetString());
        Assert.Equal(created.Select(p => p.Id).Reverse(), ids);
        Assert.False(second.RootElement.TryGetProperty("nextPageToken", out var next) && next.GetString() is { Length: > 0 });
    }

    [Fact]
    public async Task Rest_get_of_v1_profiles_with_a_bad_page_size_is_400_naming_page_size()
    {
        using var http = fixture.System.ProfilesHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(Users.Fresh("rosa")));

        var reply = await http.GetAsync("/v1/profiles?pageSize=51");

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Contains("page_size", await reply.Content.ReadAsStringAsync());
    }

    /// <summary>Creates <paramref name="count"/> profiles one after another, oldest first.</summary>
    private async Task<List<Profile>> CreateInTurnAsync(string owner, int count)
    {
        var created = new List<Profile>();
        for (var i = 0; i < count; i++)
        {
            if (i > 0) await Task.Delay(2); // ids carry their creation millisecond: one per millisecond keeps "newest first" exact
            created.Add(await fixture.CreateAsync(owner));
        }
        return created;
    }

    private async Task<List<ListProfilesResponse>> AllPagesAsync(string owner, int pageSize)
    {
        var pages = new List<ListProfilesResponse>();
        var token = "";
        do
        {
            var page = await Profiles.ListProfilesAsync(new ListProfilesRequest { PageSize = pageSize, PageToken = token }, Tokens.As(owner));
            pages.Add(page);
            token = page.NextPageToken;
        } while (token.Length > 0 && pages.Count < 20);
        return pages;
    }
}

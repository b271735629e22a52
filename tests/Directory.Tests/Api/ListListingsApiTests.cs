using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>ListListings (a practitioner's own listings) through the real gRPC pipeline and JSON transcoding, against the real store.</summary>
public sealed class ListListingsApiTests(DirectorySystemFixture fixture) : IClassFixture<DirectorySystemFixture>
{
    private DirectoryService.DirectoryServiceClient Client => fixture.System.Directory;

    private static string NewOwner() => "owner-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<Listing> CreateAsync(string owner, string name = "Maya Okafor, ND") =>
        await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath(name) }, Tokens.As(owner));

    private async Task<List<Listing>> ListAllAsync(string owner, int pageSize)
    {
        var all = new List<Listing>();
        var request = new ListListingsRequest { PageSize = pageSize };
        do
        {
            var page = await Client.ListListingsAsync(request, Tokens.As(owner));
            Assert.True(page.Listings.Count <= pageSize);
            all.AddRange(page.Listings);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");
        return all;
    }

    [Fact]
    public async Task Each_practitioner_lists_only_their_own_listings()
    {
        var (maya, pia) = (NewOwner(), NewOwner());
        var mayas = new[] { await CreateAsync(maya, "Maya 1"), await CreateAsync(maya, "Maya 2") };
        var pias = await CreateAsync(pia, "Pia");

        var mine = await Client.ListListingsAsync(new ListListingsRequest(), Tokens.As(maya));
        var theirs = await Client.ListListingsAsync(new ListListingsRequest(), Tokens.As(pia));

        Assert.Equal(mayas, mine.Listings);
        Assert.Equal([pias], theirs.Listings);
        Assert.Empty((await Client.ListListingsAsync(new ListListingsRequest(), Tokens.As(NewOwner()))).Listings);
    }

    [Fact]
    public async Task A_listing_is_listed_as_soon_as_it_is_created_and_gone_as_soon_as_it_is_deleted()
    {
        var owner = NewOwner();
        var kept = await CreateAsync(owner, "Kept");

        var created = await CreateAsync(owner, "Just made");
        var afterCreate = await Client.ListListingsAsync(new ListListingsRequest(), Tokens.As(owner));
        await Client.DeleteListingAsync(new DeleteListingRequest { Id = created.Id }, Tokens.As(owner));
        var afterDelete = await Client.ListListingsAsync(new ListListingsRequest(), Tokens.As(owner));

        Assert.Equal([kept, created], afterCreate.Listings); // oldest first
        Assert.Equal([kept], afterDelete.Listings);
    }

    [Fact]
    public async Task Paging_walks_every_listing_once_oldest_first_including_imported_ones()
    {
        var owner = NewOwner();
        var made = new List<Listing>();
        for (var i = 0; i < 4; i++) made.Add(await CreateAsync(owner, $"Practice {i}"));
        using (var import = Client.ImportListings(Tokens.As(owner)))
        {
            for (var i = 0; i < 3; i++) await import.RequestStream.WriteAsync(new ImportListingsRequest { Listing = Samples.Naturopath($"Imported {i}") });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(3, (await import.ResponseAsync).Imported);
        }

        var byTwo = await ListAllAsync(owner, 2);
        var byHundred = await ListAllAsync(owner, 100);

        Assert.Equal(7, byTwo.Select(l => l.Id).Distinct().Count());
        Assert.Equal(byTwo.Select(l => l.Id).Order(StringComparer.Ordinal), byTwo.Select(l => l.Id));
        Assert.Equal(made, byTwo.Take(4));
        Assert.All(byTwo.Skip(4), l => Assert.StartsWith("Imported", l.DisplayName));
        Assert.Equal(byTwo, byHundred);
        Assert.All(byTwo, l => Assert.Equal(owner, l.OwnerId));
    }

    [Fact]
    public async Task The_default_page_is_twenty_and_the_next_token_pages_on()
    {
        var owner = NewOwner();
        using (var import = Client.ImportListings(Tokens.As(owner)))
        {
            for (var i = 0; i < 21; i++) await import.RequestStream.WriteAsync(new ImportListingsRequest { Listing = Samples.Naturopath($"Imported {i}") });
            await import.RequestStream.CompleteAsync();
            await import.ResponseAsync;
        }

        var first = await Client.ListListingsAsync(new ListListingsRequest(), Tokens.As(owner));
        var second = await Client.ListListingsAsync(new ListListingsRequest { PageToken = first.NextPageToken }, Tokens.As(owner));

        Assert.Equal(20, first.Listings.Count);
        Assert.NotEqual("", first.NextPageToken);
        Assert.Single(second.Listings);
        Assert.Equal("", second.NextPageToken);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task A_page_size_outside_1_to_100_is_refused_naming_page_size(int size)
    {
        var refused = await RpcAssert.InvalidField("page_size", () =>
            Client.ListListingsAsync(new ListListingsRequest { PageSize = size }, Tokens.As(NewOwner())).ResponseAsync);

        Assert.Contains("between 1 and 100", refused.FieldViolations.Single().Description);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("TA")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_page_token_the_service_did_not_issue_is_refused(string token)
    {
        var refused = await RpcAssert.InvalidField("page_token", () =>
            Client.ListListingsAsync(new ListListingsRequest { PageToken = token }, Tokens.As(NewOwner())).ResponseAsync);

        Assert.Contains("not a token this service issued", refused.FieldViolations.Single().Description);
    }

    [Fact]
    public async Task A_page_token_issued_to_someone_else_is_refused_and_bad_fields_are_named_together()
    {
        var owner = NewOwner();
        for (var i = 0; i < 2; i++) await CreateAsync(owner, $"Practice {i}");
        var token = (await Client.ListListingsAsync(new ListListingsRequest { PageSize = 1 }, Tokens.As(owner))).NextPageToken;
        Assert.NotEqual("", token);

        var refused = await RpcAssert.InvalidField("page_token", () =>
            Client.ListListingsAsync(new ListListingsRequest { PageSize = 1, PageToken = token }, Tokens.As(NewOwner())).ResponseAsync);
        var both = await RpcAssert.InvalidField("page_size", () =>
            Client.ListListingsAsync(new ListListingsRequest { PageSize = 500, PageToken = token }, Tokens.As(NewOwner())).ResponseAsync);

        Assert.Contains("another request", refused.FieldViolations.Single().Description);
        Assert.Equal(["page_size", "page_token"], both.FieldViolations.Select(v => v.Field));
        // The owner's own token still pages on, with another page size too (AIP-158 allows it).
        Assert.Single((await Client.ListListingsAsync(new ListListingsRequest { PageSize = 5, PageToken = token }, Tokens.As(owner))).Listings);
    }

    [Fact]
    public async Task Listing_without_a_token_is_unauthenticated()
    {
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Client.ListListingsAsync(new ListListingsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task A_rest_get_of_v1_listings_returns_the_callers_listings_and_names_a_bad_page_size()
    {
        var owner = NewOwner();
        var first = await CreateAsync(owner, "Rest 1");
        var second = await CreateAsync(owner, "Rest 2");
        using var http = fixture.System.DirectoryHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(owner));

        var reply = await http.GetAsync("/v1/listings?pageSize=1");
        var page = Google.Protobuf.JsonParser.Default.Parse<ListListingsResponse>(await reply.Content.ReadAsStringAsync());
        var next = await http.GetAsync($"/v1/listings?pageSize=1&pageToken={Uri.EscapeDataString(page.NextPageToken)}");
        var rest = Google.Protobuf.JsonParser.Default.Parse<ListListingsResponse>(await next.Content.ReadAsStringAsync());
        var bad = await http.GetAsync("/v1/listings?pageSize=1000");

        Assert.Equal(System.Net.HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal([first], page.Listings);
        Assert.Equal([second], rest.Listings);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("page_size", await bad.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/v1/listings")).StatusCode);
    }
}

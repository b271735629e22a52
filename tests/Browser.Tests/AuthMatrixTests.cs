using Grpc.Core;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Browser.Tests;

/// <summary>
/// Every RPC through the gateway with no token, the owner's token and another user's token:
/// no token → UNAUTHENTICATED except the public reads; another user never reads or changes the
/// owner's things (PERMISSION_DENIED, or NOT_FOUND for private things).
/// </summary>
public sealed class AuthMatrixTests : IClassFixture<MatrixSystem>, IAsyncLifetime
{
    private readonly MatrixSystem _system;
    private readonly MatrixWorld _world;

    public AuthMatrixTests(MatrixSystem system) => (_system, _world) = (system, new MatrixWorld(system));

    public static TheoryData<string> Rpcs() => new(RpcCatalog.All.Select(c => c.Name));

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_matrix_covers_every_rpc_of_the_contract()
    {
        var contract = new[]
        {
            DirectoryService.Descriptor, AvailabilityService.Descriptor, InteropService.Descriptor,
            Profiles.V1.ProfileService.Descriptor, Matching.V1.MatchingService.Descriptor,
        }.SelectMany(s => s.Methods.Select(m => $"{s.Name}/{m.Name}")).Order();

        Assert.Equal(contract, RpcCatalog.All.Select(c => c.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Without_a_token_only_public_reads_succeed(string rpc)
    {
        var @case = RpcCatalog.Named(rpc);

        var status = await StatusOf(@case, MatrixWorld.Headers(null));

        Assert.Equal(@case.Access == Access.Public ? StatusCode.OK : StatusCode.Unauthenticated, status);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task The_owner_may_make_every_call_except_admin_ones(string rpc)
    {
        var @case = RpcCatalog.Named(rpc);

        var status = await StatusOf(@case, _world.OwnerHeaders);

        Assert.Equal(@case.Access == Access.Admin ? StatusCode.PermissionDenied : StatusCode.OK, status);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Another_user_never_reads_or_changes_the_owners_things(string rpc)
    {
        var @case = RpcCatalog.Named(rpc);

        var status = await StatusOf(@case, MatrixWorld.Headers(MatrixWorld.Other));

        if (@case.Access is Access.Public or Access.SignedIn) Assert.Equal(StatusCode.OK, status);
        else Assert.Contains(status, new[] { StatusCode.PermissionDenied, StatusCode.NotFound });
    }

    [Fact]
    public async Task A_listing_created_for_someone_else_belongs_to_its_creator()
    {
        var listing = SampleListings.NaturopathListing();
        listing.OwnerId = MatrixWorld.Owner;

        var created = await _world.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, MatrixWorld.Headers(MatrixWorld.Other));

        Assert.Equal(MatrixWorld.Other, created.OwnerId);
    }

    [Fact]
    public async Task Rest_get_v1_listings_through_the_gateway_shows_each_caller_only_their_own_listings()
    {
        var fresh = await _world.NewListingAsync();
        using var http = new HttpClient { BaseAddress = _system.GatewayHttp };

        async Task<(System.Net.HttpStatusCode Status, List<Listing> Listings)> ListAsync(string? sub)
        {
            var listings = new List<Listing>();
            var token = "";
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/listings?pageSize=100" + (token == "" ? "" : "&pageToken=" + Uri.EscapeDataString(token)));
                if (sub is not null) request.Headers.Authorization = new("Bearer", RunningSystem.Token(sub));
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode) return (response.StatusCode, listings);
                var page = Google.Protobuf.JsonParser.Default.Parse<ListListingsResponse>(await response.Content.ReadAsStringAsync());
                listings.AddRange(page.Listings);
                if ((token = page.NextPageToken) == "") return (response.StatusCode, listings);
            }
        }

        var owners = await ListAsync(MatrixWorld.Owner);
        var others = await ListAsync(MatrixWorld.Other);
        var nobodys = await ListAsync(null);

        Assert.Equal(System.Net.HttpStatusCode.OK, owners.Status);
        Assert.Contains(owners.Listings, l => l.Id == _world.ListingId);
        Assert.Equal(fresh, owners.Listings[^1].Id); // newest last
        Assert.All(owners.Listings, l => Assert.Equal(MatrixWorld.Owner, l.OwnerId));
        Assert.Equal(System.Net.HttpStatusCode.OK, others.Status);
        Assert.All(others.Listings, l => Assert.Equal(MatrixWorld.Other, l.OwnerId));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, nobodys.Status);
    }

    private async Task<StatusCode> StatusOf(RpcCase @case, Metadata headers)
    {
        try
        {
            await @case.Call(_world, headers);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}

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
    private readonly MatrixWorld _world;

    public AuthMatrixTests(MatrixSystem system) => _world = new MatrixWorld(system);

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

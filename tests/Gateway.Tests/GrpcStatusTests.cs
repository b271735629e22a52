using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Gateway.Tests;

/// <summary>
/// gRPC callers refused by the gateway get a real gRPC status (trailers-only), so grpc-dotnet
/// reports UNAUTHENTICATED with our message rather than "Bad gRPC response. HTTP status code: 401".
/// </summary>
public sealed class GrpcStatusTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Protected_method_without_token_is_unauthenticated_with_a_clear_message()
    {
        var client = new ProfileService.ProfileServiceClient(gateway.Channel());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetProfileAsync(new GetProfileRequest { Id = "p1" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("Sign in: this call needs a bearer token.", error.Status.Detail);
    }

    [Fact]
    public async Task Protected_method_with_token_reaches_the_service()
    {
        var client = new ProfileService.ProfileServiceClient(gateway.Channel());
        var headers = new Metadata { { "authorization", "Bearer " + GatewayHost.Token("alice") } };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetProfileAsync(new GetProfileRequest { Id = "p1" }, headers).ResponseAsync);

        Assert.Equal(FakeBackend.ReachedBackend, error.Status.Detail);
    }

    [Fact]
    public async Task Public_method_without_token_reaches_the_service()
    {
        var client = new DirectoryService.DirectoryServiceClient(gateway.Channel());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SearchListingsAsync(new SearchListingsRequest()).ResponseAsync);

        Assert.Equal(FakeBackend.ReachedBackend, error.Status.Detail);
    }

    [Fact]
    public async Task Listing_writes_over_grpc_need_a_token()
    {
        var client = new DirectoryService.DirectoryServiceClient(gateway.Channel());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.DeleteListingAsync(new DeleteListingRequest { Id = "abc" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("alice")]
    public async Task Unknown_service_is_unimplemented_with_or_without_a_token(string? sub)
    {
        var marshaller = Marshallers.Create((Empty e) => e.ToByteArray(), Empty.Parser.ParseFrom);
        var method = new Method<Empty, Empty>(MethodType.Unary, "healing.nothing.v1.NothingService", "Call", marshaller, marshaller);
        var headers = sub is null ? new Metadata() : new Metadata { { "authorization", "Bearer " + GatewayHost.Token(sub) } };

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            gateway.Channel().CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers), new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}

using Grpc.Core;
using Grpc.Net.Client;
using HealingNetwork.Gateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace HealingNetwork.Gateway.Tests;

/// <summary>grpc-message on the wire as the gRPC HTTP/2 spec has it: printable ASCII as is, only other bytes and '%' escaped.</summary>
public sealed class GrpcStatusMessageTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Theory]
    [InlineData("Sign in: this call needs a bearer token.", "Sign in: this call needs a bearer token.")]
    [InlineData("100% sure", "100%25 sure")]
    [InlineData("Café", "Caf%C3%A9")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("~ & / ? # [ ]", "~ & / ? # [ ]")]
    public void Only_bytes_outside_printable_ascii_and_the_percent_sign_are_escaped(string message, string wire)
    {
        Assert.Equal(wire, GrpcStatusMessage.Encode(message));
    }

    [Fact]
    public async Task The_gateways_own_refusal_goes_on_the_wire_without_needless_escapes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/healing.profiles.v1.ProfileService/GetProfile")
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");

        using var response = await gateway.CreateClient().SendAsync(request);

        Assert.Equal("Sign in: this call needs a bearer token.", Assert.Single(response.Headers.GetValues("grpc-message")));
    }

    [Theory]
    [InlineData("Zu viele Anfragen – später erneut versuchen (100% sicher).")]
    [InlineData("予約できません: 50% off")]
    public async Task A_dotnet_client_decodes_non_ascii_and_percent_signs(string message)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.Run(context => GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted, message));
        await app.StartAsync();
        var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = app.GetTestServer().CreateHandler() });
        var client = new Profiles.V1.ProfileService.ProfileServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetProfileAsync(new Profiles.V1.GetProfileRequest { Id = "p1" }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }
}

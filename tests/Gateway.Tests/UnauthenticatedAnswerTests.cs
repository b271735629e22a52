using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealingNetwork.Gateway.Tests;

/// <summary>
/// A call the gateway refuses for want of a usable token says why, in the shape a client already reads:
/// REST gets 401 with WWW-Authenticate and a JSON status body (code 16, a message), gRPC gets
/// UNAUTHENTICATED with the same message. Nothing from the token validator leaks into the message.
/// </summary>
public sealed class UnauthenticatedAnswerTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    public static TheoryData<string, string> UnusableTokens => new()
    {
        { "missing", "Sign in: this call needs a bearer token." },
        { "garbage", "The bearer token is malformed: it is not a JSON Web Token." },
        { "expired", "Sign in again: the bearer token has expired." },
        { "other-audience", "The bearer token was issued for another audience, not this service." },
        { "other-issuer", "The bearer token was issued by an issuer this service does not trust." },
        { "other-key", "The bearer token's signature is not valid: it was not signed by a key this service trusts." },
    };

    [Theory]
    [MemberData(nameof(UnusableTokens))]
    public async Task A_rest_call_without_a_usable_token_gets_401_with_a_json_status_saying_why(string token, string message)
    {
        var client = gateway.Client();
        if (TokenOf(token) is { } bearer) client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);

        var response = await client.PostAsJsonAsync("/v1/profiles", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(16, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(message, body.RootElement.GetProperty("message").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("details").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(UnusableTokens))]
    public async Task A_grpc_call_without_a_usable_token_is_unauthenticated_saying_why(string token, string message)
    {
        var client = new ProfileService.ProfileServiceClient(gateway.Channel());
        var headers = TokenOf(token) is { } bearer ? new Metadata { { "authorization", "Bearer " + bearer } } : new Metadata();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetProfileAsync(new GetProfileRequest { Id = "p1" }, headers).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    private static string? TokenOf(string kind) => kind switch
    {
        "missing" => null,
        "garbage" => "not-a-jwt",
        "expired" => Signed(issued: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1)),
        "other-audience" => DevTokenIssuer.Mint(GatewayHost.SigningKey, "alice", audience: "someone-else"),
        "other-issuer" => DevTokenIssuer.Mint(GatewayHost.SigningKey, "alice", issuer: "https://elsewhere.example"),
        "other-key" => DevTokenIssuer.Mint("some-other-key-that-is-long-enough-0123456789", "alice"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // DevTokenIssuer starts every token now; an expired one has to start in the past.
    private static string Signed(DateTime issued, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = AuthenticationRegistration.DefaultIssuer,
        Audience = AuthenticationRegistration.DefaultAudience,
        Claims = new Dictionary<string, object> { [CallerIdentity.SubjectClaim] = "alice" },
        IssuedAt = issued,
        NotBefore = issued,
        Expires = expires,
        SigningCredentials = new SigningCredentials(AuthenticationRegistration.SigningKey(GatewayHost.SigningKey), SecurityAlgorithms.HmacSha256),
    });
}

using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>
/// The production sign-in path: `Auth:Authority` pointed at an OIDC provider (here a small one on
/// loopback serving discovery and JWKS, RS256). Its tokens are accepted and name the owner; a
/// token signed by another key, for another audience or already expired is UNAUTHENTICATED; the
/// development HS256 key is not accepted once an authority is configured.
/// </summary>
public sealed class OidcAuthorityTests : IAsyncLifetime
{
    private readonly RSA _key = RSA.Create(2048);
    private WebApplication? _provider;
    private ServiceHost<Directory.Api.DirectoryApi>? _directory;
    private string _issuer = "";

    public async Task InitializeAsync()
    {
        // Its own content root: the services' appsettings.json in the test folder make Kestrel HTTP/2-only.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        _provider = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = "test-key" });
        _provider.MapGet("/.well-known/openid-configuration", () => Results.Text(JsonSerializer.Serialize(new
        {
            issuer = _issuer,
            jwks_uri = _issuer + "/jwks",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }), "application/json"));
        _provider.MapGet("/jwks", () => Results.Text(JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } },
        }), "application/json"));
        await _provider.StartAsync();
        _issuer = _provider.Urls.Single().TrimEnd('/');

        _directory = new ServiceHost<Directory.Api.DirectoryApi>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = TestStore.Instance.ConnectionString,
            ["Directory:IndexPath"] = Path.Combine(Path.GetTempPath(), "healing-tests", "oidc-index-" + Guid.NewGuid().ToString("N")),
            ["Auth:Authority"] = _issuer,
            ["Auth:Audience"] = "healingnetwork",
        }, null);
    }

    public async Task DisposeAsync()
    {
        if (_directory is not null) await _directory.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task A_token_from_the_authority_is_accepted_and_its_subject_owns_what_it_creates()
    {
        var client = new DirectoryService.DirectoryServiceClient(_directory!.Channel());

        var created = await client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Oidc practice") }, As(Token("oidc-alice")));

        Assert.Equal("oidc-alice", created.OwnerId);
    }

    [Fact]
    public async Task Tokens_the_authority_did_not_sign_or_meant_for_others_are_unauthenticated()
    {
        var client = new DirectoryService.DirectoryServiceClient(_directory!.Channel());
        using var otherKey = RSA.Create(2048);
        var request = new CreateListingRequest { Listing = Samples.Naturopath("Refused practice") };

        foreach (var (why, token) in new[]
        {
            ("signed by another key", Token("mallory", signingKey: otherKey)),
            ("for another audience", Token("mallory", audience: "someone-else")),
            ("expired", Token("mallory", expires: DateTime.UtcNow.AddMinutes(-10))),
            ("the development HS256 key", Tokens.For("mallory")),
        })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => client.CreateListingAsync(request, As(token)).ResponseAsync);
            Assert.True(ex.StatusCode == StatusCode.Unauthenticated, $"{why}: {ex.StatusCode}");
        }
    }

    private string Token(string subject, RSA? signingKey = null, string audience = "healingnetwork", DateTime? expires = null)
    {
        var key = new RsaSecurityKey(signingKey ?? _key) { KeyId = "test-key" };
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject },
            NotBefore = expiry.AddMinutes(-30),
            IssuedAt = expiry.AddMinutes(-30),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static CallOptions As(string token) => new(new Metadata { { "authorization", "Bearer " + token } });
}

using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace HealingNetwork.ServiceDefaults.Identity;

/// <summary>
/// JWT bearer validation, configured from the `Auth` section: `Authority` (+ `Audience`) for any
/// OIDC provider in production, or `SigningKey` (HS256, at least 32 bytes) for local development,
/// where the AppHost generates the key and `gateway token` mints tokens with it.
/// </summary>
public static class AuthenticationRegistration
{
    public const string DefaultIssuer = "healingnetwork-dev";
    public const string DefaultAudience = "healingnetwork";

    public static IHostApplicationBuilder AddHealingAuthentication(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Audience = auth["Audience"] ?? DefaultAudience;
                var authority = auth["Authority"];
                if (!string.IsNullOrEmpty(authority))
                {
                    options.Authority = authority;
                    options.RequireHttpsMetadata = !authority.StartsWith("http://", StringComparison.Ordinal);
                    return;
                }
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth["Issuer"] ?? DefaultIssuer,
                    ValidAudience = auth["Audience"] ?? DefaultAudience,
                    IssuerSigningKey = SigningKey(auth["SigningKey"]),
                    NameClaimType = CallerIdentity.SubjectClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>The symmetric development key; a missing key validates nothing.</summary>
    public static SymmetricSecurityKey SigningKey(string? configured)
    {
        var bytes = string.IsNullOrEmpty(configured)
            ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) // no key: no token validates
            : Encoding.UTF8.GetBytes(configured);
        return new SymmetricSecurityKey(bytes);
    }
}

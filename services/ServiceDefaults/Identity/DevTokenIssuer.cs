using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealingNetwork.ServiceDefaults.Identity;

/// <summary>Mints development tokens with the shared HS256 key (tests and `gateway token`).</summary>
public static class DevTokenIssuer
{
    public static string Mint(string signingKey, string subject, TimeSpan? lifetime = null,
        string issuer = AuthenticationRegistration.DefaultIssuer, string audience = AuthenticationRegistration.DefaultAudience)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(CallerIdentity.SubjectClaim, subject)]),
            NotBefore = now.AddSeconds(-5),
            Expires = now + (lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(AuthenticationRegistration.SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

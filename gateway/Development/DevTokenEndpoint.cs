using System.Text.RegularExpressions;
using HealingNetwork.ServiceDefaults.Identity;

namespace HealingNetwork.Gateway.Development;

/// <summary>
/// POST /dev/token {"sub":"alice"} → a bearer token minted with the configured HS256 key, so the
/// web page can sign in during development. Mapped only in the Development environment and only
/// when the gateway validates with a local key (never when an OIDC authority is configured).
/// </summary>
public static partial class DevTokenEndpoint
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static WebApplication MapDevTokenEndpoint(this WebApplication app)
    {
        var key = app.Configuration["Auth:SigningKey"];
        if (!app.Environment.IsDevelopment() || string.IsNullOrEmpty(key) || !string.IsNullOrEmpty(app.Configuration["Auth:Authority"]))
            return app;
        app.MapPost("/dev/token", (DevTokenRequest request) =>
            request.Sub is { } sub && SubjectPattern().IsMatch(sub)
                ? Results.Ok(new { token = DevTokenIssuer.Mint(key, sub, Lifetime), sub, expiresInSeconds = (int)Lifetime.TotalSeconds })
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["sub"] = ["1-64 letters, digits, '.', '_', '-' or '@'."] }))
            .AllowAnonymous();
        return app;
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex SubjectPattern();
}

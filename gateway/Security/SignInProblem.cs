using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace HealingNetwork.Gateway.Security;

/// <summary>
/// Why a request the gateway refuses for want of a sign-in is not signed in, in words a client can act
/// on: no token, a token that is not a JWT, expired, not yet valid, for another audience or issuer, or
/// not signed by a trusted key. The token validator's own messages are not passed on: they quote the
/// token, the expected issuer and audience, and key ids.
/// </summary>
public static class SignInProblem
{
    public const string NoToken = "Sign in: this call needs a bearer token.";

    /// <summary>
    /// Authentication ran once already (UseAuthentication); asking again returns the handler's result for
    /// this request rather than validating the token a second time.
    /// </summary>
    public static async Task<string> DescribeAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync();
        return Describe(result.Failure);
    }

    public static string Describe(Exception? failure) => Unwrap(failure) switch
    {
        null => NoToken,
        SecurityTokenExpiredException => "Sign in again: the bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet; check the clock of the machine that issued it.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry time; sign in for a token that expires.",
        SecurityTokenInvalidAudienceException => "The bearer token was issued for another audience, not this service.",
        SecurityTokenInvalidIssuerException => "The bearer token was issued by an issuer this service does not trust.",
        SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid: it was not signed by a key this service trusts.",
        SecurityTokenMalformedException => "The bearer token is malformed: it is not a JSON Web Token.",
        _ => "The bearer token is not valid; sign in again.",
    };

    // With several token handlers the validator reports all their failures together; the first says enough.
    private static Exception? Unwrap(Exception? failure) =>
        failure is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : failure;
}

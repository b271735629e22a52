namespace HealingNetwork.Gateway.Security;

/// <summary>
/// Route-level authorization lives in the YARP configuration: every route names its policy,
/// "Anonymous" for the public reads (search, listings, modalities, open slots, calendars) and
/// "Default" (a valid bearer token) for everything else. A route without a policy is a mistake
/// waiting to become a hole, so the gateway refuses to start with one.
/// </summary>
public static class RoutePolicies
{
    public const string Public = "Anonymous";
    public const string SignedIn = "Default";

    public static void EnsureEveryRouteDeclaresPolicy(IConfiguration configuration)
    {
        var missing = configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Where(route => string.IsNullOrWhiteSpace(route["AuthorizationPolicy"]))
            .Select(route => route.Key)
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException("Every gateway route must declare an AuthorizationPolicy; missing on: " + string.Join(", ", missing));
    }
}

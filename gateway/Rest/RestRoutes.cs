using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace HealingNetwork.Gateway.Rest;

/// <summary>
/// The REST paths JSON transcoding serves, and with which HTTP methods, read from the compiled protos'
/// google.api.http rules: the same source as the OpenAPI document and the services' transcoding, so
/// the gateway can tell "no such path" (404) from "this path, another method" (405) without a list
/// of its own that could drift. Paths served outside the protos (the calendar feed, a minimal-API
/// endpoint) are known from the proxy routes that name their methods in configuration.
/// </summary>
public sealed partial class RestRoutes
{
    private readonly (Regex Path, string Method)[] _routes;

    public RestRoutes(IEnumerable<ServiceDescriptor> services, IEnumerable<(string Path, string Method)>? proxied = null) =>
        _routes = services
            .SelectMany(service => service.Methods)
            .Select(method => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http))
            .OfType<HttpRule>()
            .SelectMany(rule => rule.AdditionalBindings.Prepend(rule))
            .Select(VerbAndPath)
            .Where(route => route.Path is not null)
            .Select(route => (route.Path!, route.Verb))
            .Concat(proxied ?? [])
            .Select(route => (Pattern(route.Item1), route.Item2.ToUpperInvariant()))
            .ToArray();

    /// <summary>
    /// The path and methods of every proxy route (ReverseProxy:Routes) that limits its methods. Routes
    /// without a method list forward whatever comes, so they say nothing about which methods a path takes.
    /// </summary>
    public static IEnumerable<(string Path, string Method)> LimitedProxyRoutes(IConfiguration configuration) =>
        configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Select(route => route.GetSection("Match"))
            .Where(match => !string.IsNullOrEmpty(match["Path"]))
            .SelectMany(match => match.GetSection("Methods").GetChildren()
                .Select(method => method.Value).OfType<string>()
                .Select(method => (match["Path"]!, method)));

    /// <summary>The methods served at <paramref name="path"/> in the usual order; empty when no REST route has that path.</summary>
    public IReadOnlyList<string> MethodsAt(string path) =>
        _routes.Where(route => route.Path.IsMatch(path)).Select(route => route.Method).Distinct()
            .OrderBy(method => Array.IndexOf(MethodOrder, method)).ToArray();

    private static readonly string[] MethodOrder = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>The verb and path template of a rule (null for a custom verb, which this API does not use).</summary>
    public static (string Verb, string? Path) VerbAndPath(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("get", rule.Get),
        HttpRule.PatternOneofCase.Post => ("post", rule.Post),
        HttpRule.PatternOneofCase.Put => ("put", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
        HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
        _ => ("get", null),
    };

    /// <summary>
    /// A template as a regular expression. A variable is one path segment, without the ':' that starts
    /// a custom verb, so "/v1/listings/abc:confirm" is the confirm route and not GetListing of
    /// "abc:confirm"; "{name=**}" (a proto template) and "{**name}" (a route template) span segments.
    /// </summary>
    private static Regex Pattern(string template)
    {
        var pattern = new System.Text.StringBuilder("^");
        var at = 0;
        foreach (Match variable in Variable().Matches(template))
        {
            pattern.Append(Regex.Escape(template[at..variable.Index]));
            var spans = variable.Groups[1].Length > 0 || variable.Groups[2].Value.Contains("**", StringComparison.Ordinal);
            pattern.Append(spans ? "[^:]+" : "[^/:]+");
            at = variable.Index + variable.Length;
        }
        pattern.Append(Regex.Escape(template[at..])).Append('$');
        // Case-insensitive, as ASP.NET Core routing (YARP, transcoding) matches literals.
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"\{(\*{1,2})?[A-Za-z0-9_.]+(=[^}]*)?\}")]
    private static partial Regex Variable();
}

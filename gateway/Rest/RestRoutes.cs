using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace HealingNetwork.Gateway.Rest;

/// <summary>
/// The REST paths JSON transcoding serves, and with which HTTP methods, read from the compiled protos'
/// google.api.http rules: the same source as the OpenAPI document and the services' transcoding, so
/// the gateway can tell "no such path" (404) from "this path, another method" (405) without a list
/// of its own that could drift.
/// </summary>
public sealed partial class RestRoutes
{
    private readonly (Regex Path, string Method)[] _routes;

    public RestRoutes(IEnumerable<ServiceDescriptor> services) =>
        _routes = services
            .SelectMany(service => service.Methods)
            .Select(method => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http))
            .OfType<HttpRule>()
            .SelectMany(rule => rule.AdditionalBindings.Prepend(rule))
            .Select(VerbAndPath)
            .Where(route => route.Path is not null)
            .Select(route => (Pattern(route.Path!), route.Verb.ToUpperInvariant()))
            .ToArray();

    /// <summary>The methods served at <paramref name="path"/> in the usual order; empty when no REST route has that path.</summary>
    public IReadOnlyList<string> MethodsAt(string path) =>
        _routes.Where(route => route.Path.IsMatch(path)).Select(route => route.Method).Distinct()
            .OrderBy(method => Array.IndexOf(MethodOrder, method)).ToArray();

    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

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
    /// "abc:confirm"; "{name=**}" spans segments.
    /// </summary>
    private static Regex Pattern(string template)
    {
        var pattern = new System.Text.StringBuilder("^");
        var at = 0;
        foreach (Match variable in Variable().Matches(template))
        {
            pattern.Append(Regex.Escape(template[at..variable.Index]));
            pattern.Append(variable.Groups[1].Value.Contains("**", StringComparison.Ordinal) ? "[^:]+" : "[^/:]+");
            at = variable.Index + variable.Length;
        }
        pattern.Append(Regex.Escape(template[at..])).Append('$');
        // Case-insensitive, as ASP.NET Core routing (YARP, transcoding) matches literals.
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"\{[A-Za-z0-9_.]+(=[^}]*)?\}")]
    private static partial Regex Variable();
}

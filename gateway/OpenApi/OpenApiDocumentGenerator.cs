using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using HealingNetwork.Gateway.Rest;
using HealingNetwork.Gateway.Security;

namespace HealingNetwork.Gateway.OpenApi;

/// <summary>
/// The OpenAPI 3 document for the REST API, generated from the compiled protos: every method's
/// google.api.http rule gives the verb, path, path parameters and body, so the document cannot
/// drift from what JSON transcoding serves. Which operations are public comes from the gateway's
/// own route policies (a gRPC route for the method marked Anonymous), the same rule it enforces.
/// </summary>
public sealed partial class OpenApiDocumentGenerator(IConfiguration configuration)
{
    public JsonObject Generate(IEnumerable<ServiceDescriptor> services)
    {
        var publicMethods = PublicGrpcPaths();
        var schemas = new ProtoJsonSchemas();
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in services)
        foreach (var method in service.Methods)
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule) continue;
            var (verb, template) = RestRoutes.VerbAndPath(rule);
            if (template is null) continue;
            var operation = Operation(method, rule, template, schemas);
            if (publicMethods.Contains($"/{service.FullName}/{method.Name}")) operation["security"] = new JsonArray();
            var key = PathKey(template, shapes, operation);
            if (!paths.TryGetValue(key, out var item)) paths[key] = item = new JsonObject();
            item[verb] = operation;
        }

        var pathsNode = new JsonObject();
        foreach (var (path, item) in paths) pathsNode[path] = item;
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "HealingNetwork REST API",
                ["version"] = "v1",
                ["description"] = "REST/JSON view of the gRPC services (google.api.http transcoding). Errors are google.rpc.Status JSON.",
            },
            ["paths"] = pathsNode,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components(),
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
        };
    }

    private static JsonObject Operation(MethodDescriptor method, HttpRule rule, string template, ProtoJsonSchemas schemas)
    {
        var pathFields = PathParameter().Matches(template).Select(m => m.Groups[1].Value).ToList();
        var parameters = new JsonArray();
        foreach (var name in pathFields)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = name, ["in"] = "path", ["required"] = true,
                ["schema"] = FieldAt(method.InputType, name) is { } field ? schemas.For(field) : new JsonObject { ["type"] = "string" },
            });
        }
        if (string.IsNullOrEmpty(rule.Body))
        {
            // Without a body, the remaining top-level fields are query parameters.
            foreach (var field in method.InputType.Fields.InDeclarationOrder())
            {
                if (pathFields.Any(p => p.Split('.')[0] == field.Name)) continue;
                if (field.FieldType == FieldType.Message && !field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal)) continue;
                parameters.Add(new JsonObject { ["name"] = field.JsonName, ["in"] = "query", ["schema"] = schemas.For(field) });
            }
        }

        var operation = new JsonObject
        {
            ["operationId"] = method.Service.Name + "_" + method.Name,
            ["tags"] = new JsonArray(method.Service.Name),
            ["summary"] = method.Name,
            ["parameters"] = parameters,
        };
        if (!string.IsNullOrEmpty(rule.Body))
        {
            var body = rule.Body == "*" ? schemas.For(method.InputType) : BodyField(method, rule.Body, schemas);
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = body } },
            };
        }
        operation["responses"] = Responses(schemas.For(method.OutputType));
        return operation;
    }

    /// <summary>
    /// OpenAPI forbids two paths that differ only in parameter names (GET /v1/listings/{id} and
    /// PATCH /v1/listings/{listing.id}); the later one joins the first path, its path parameters
    /// renamed by position and described by the proto field they fill.
    /// </summary>
    private static string PathKey(string template, Dictionary<string, string> shapes, JsonObject operation)
    {
        var shape = PathParameter().Replace(template, "{}");
        if (!shapes.TryGetValue(shape, out var existing)) return shapes[shape] = template;
        if (existing == template) return existing;
        var names = PathParameter().Matches(existing).Select(m => m.Groups[1].Value).ToList();
        var position = 0;
        foreach (var parameter in operation["parameters"]!.AsArray().OfType<JsonObject>().Where(p => (string?)p["in"] == "path"))
        {
            parameter["description"] = "Sets " + (string?)parameter["name"];
            parameter["name"] = names[position++];
        }
        return existing;
    }

    private static JsonObject BodyField(MethodDescriptor method, string body, ProtoJsonSchemas schemas) =>
        method.InputType.FindFieldByName(body) is { } field ? schemas.For(field) : new JsonObject { ["type"] = "object" };

    private static JsonObject Responses(JsonObject ok)
    {
        var responses = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = ok } },
            },
        };
        foreach (var (code, text) in ErrorResponses) responses[code] = new JsonObject { ["description"] = text };
        return responses;
    }

    /// <summary>
    /// Error answers by the HTTP status JSON transcoding gives each gRPC status (google.rpc.Code's
    /// HTTP mapping): FAILED_PRECONDITION, which a stale etag answers, is a 400 there, not a 409.
    /// </summary>
    private static readonly (string Code, string Text)[] ErrorResponses =
    [
        ("400", "Invalid argument (google.rpc.BadRequest field violations in details), or failed precondition: "
            + "a stale etag (read the resource again and retry) or a state that does not allow the call; the message says which"),
        ("401", "Missing or invalid bearer token"),
        ("403", "Not allowed for this user"),
        ("404", "Not found"),
        ("409", "Conflict: already exists, or aborted by a concurrent change (retry)"),
        ("413", "Request body too large"),
        ("429", "Too many requests"),
        ("503", "A dependency is unavailable; retry"),
    ];

    private static FieldDescriptor? FieldAt(MessageDescriptor message, string dottedPath)
    {
        FieldDescriptor? field = null;
        foreach (var part in dottedPath.Split('.'))
        {
            field = message.FindFieldByName(part);
            if (field is null) return null;
            if (field.FieldType == FieldType.Message) message = field.MessageType;
        }
        return field;
    }

    private HashSet<string> PublicGrpcPaths() =>
        configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Where(route => route["AuthorizationPolicy"] == RoutePolicies.Public)
            .Select(route => route["Match:Path"])
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z0-9_.]+)(?:=[^}]*)?\}")]
    private static partial Regex PathParameter();
}

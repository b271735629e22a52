using System.Text;
using System.Text.Json;
using Google.Protobuf;
using HealingNetwork.Reliability.Tests.Support;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>
/// REST/JSON requests through the gateway: wrong JSON types, malformed JSON, empty bodies,
/// odd ids in paths, bad query parameters, injection text, forged tokens, oversize bodies.
/// </summary>
public static class RestCases
{
    private static readonly string[] WrongTypes =
    [
        """{"displayName":5}""", """{"displayName":{"a":1}}""", """{"displayName":["a"]}""", """{"locations":[{"lat":"north"}]}""",
        """{"locations":{"lat":1}}""", """{"orientation":"NOT_AN_ENUM"}""", """{"orientation":99}""", """{"orientation":-1}""",
        """{"approach":{"intakeMinutes":"lots"}}""", """{"approach":{"intakeMinutes":1e40}}""", """{"approach":{"intakeMinutes":1.5}}""",
        """{"terms":{"feeMin":"9223372036854775808"}}""", """{"terms":{"feeMin":"NaN"}}""", """{"locations":[{"lat":"NaN"}]}""",
        """{"locations":[{"lat":"Infinity"}]}""", """{"telehealth":"yes"}""", """{"modalities":"naturopathy"}""", """{"modalities":[1,2]}""",
        """{"unknownField":1}""", """{"createTime":"not a time"}""", """{"lastConfirmedTime":"9999-99-99T00:00:00Z"}""", "null", "[]", "\"str\"", "123", "true",
    ];

    private static readonly string[] Malformed =
    [
        "{", "{\"a\":", "[", "nul", "{}}", "\uFEFF{x}", new string('[', 10_000), "{\"displayName\":" + new string('9', 100_000) + "}",
        "{\"displayName\":\"\\ud800\"}", "{\"displayName\":\"\\u0000\"}", "{\"displayName\":\"a\",\"displayName\":\"b\"}", "{\"displayName\":\"a\",}",
        "/* c */{}", "{'displayName':'a'}", "{\"displayName\":\"a\"", "\0",
    ];

    public static IEnumerable<RestCase> All(Seeded s)
    {
        var owner = GatewayGrpc.Bearer(s.ListingOwner);
        var client = GatewayGrpc.Bearer(s.ProfileOwner);
        foreach (var body in WrongTypes)
        {
            yield return RestCase.Json($"wrong type {body}", HttpMethod.Post, "/v1/listings", body, owner);
            yield return RestCase.Json($"wrong type {body}", HttpMethod.Patch, $"/v1/listings/{s.Listing.Id}", body, owner);
        }
        foreach (var body in Malformed)
            foreach (var (method, path, auth) in BodyEndpoints(s, owner, client))
                yield return RestCase.Json($"malformed {Show(body)}", method, path, body, auth);
        yield return new RestCase("invalid UTF-8 in JSON", HttpMethod.Post, "/v1/listings", [0x7B, 0x22, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0xC3, 0x22, 0x7D], owner);
        yield return new RestCase("invalid UTF-8 in search", HttpMethod.Post, "/v1/listings:search", [0x7B, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], null);
        foreach (var (method, path, auth) in BodyEndpoints(s, owner, client))
        {
            yield return RestCase.Json("empty body", method, path, "", auth);
            yield return RestCase.Json("no body", method, path, null, auth);
            yield return new RestCase("text/plain body", method, path, Encoding.UTF8.GetBytes("{}"), auth, "text/plain");
        }
        foreach (var c in Search()) yield return c;
        foreach (var c in Paths(s, owner, client)) yield return c;
        foreach (var c in Auth(s)) yield return c;
        yield return RestCase.Json("body of 2 MiB", HttpMethod.Post, "/v1/listings",
            JsonSerializer.Serialize(new { displayName = "x", bio = new string('b', 2 * 1024 * 1024) }), owner);
        yield return RestCase.Json("search body of 1.5 MiB", HttpMethod.Post, "/v1/listings:search",
            JsonSerializer.Serialize(new { query = new string('q', 1536 * 1024) }), null);
    }

    private static IEnumerable<(HttpMethod, string, string?)> BodyEndpoints(Seeded s, string owner, string client)
    {
        yield return (HttpMethod.Post, "/v1/listings", owner);
        yield return (HttpMethod.Patch, $"/v1/listings/{s.Listing.Id}", owner);
        yield return (HttpMethod.Post, "/v1/listings:search", null);
        yield return (HttpMethod.Put, $"/v1/listings/{s.Listing.Id}/availability", owner);
        yield return (HttpMethod.Post, $"/v1/listings/{s.Listing.Id}/availability/exceptions", owner);
        yield return (HttpMethod.Post, $"/v1/listings/{s.Listing.Id}/holds", client);
        yield return (HttpMethod.Post, "/v1/slots:earliest", null);
        yield return (HttpMethod.Post, "/v1/profiles", client);
        yield return (HttpMethod.Patch, $"/v1/profiles/{s.Profile.Id}", client);
        yield return (HttpMethod.Post, $"/v1/profiles/{s.Profile.Id}/care-partners", client);
        yield return (HttpMethod.Post, $"/v1/profiles/{s.Profile.Id}:match", client);
        yield return (HttpMethod.Post, $"/v1/profiles/{s.Profile.Id}:refer", client);
        yield return (HttpMethod.Post, $"/v1/profiles/{s.Profile.Id}:suggestCareTeam", client);
    }

    private static IEnumerable<RestCase> Search()
    {
        foreach (var q in InjectionText.Queries)
            yield return RestCase.Json($"query '{IdCases.Show(q)}'", HttpMethod.Post, "/v1/listings:search", JsonSerializer.Serialize(new { query = q }), null);
        foreach (var body in new[]
        {
            """{"pageSize":100000}""", """{"pageSize":"x"}""", """{"pageSize":-1}""", """{"near":{"lat":"north","lon":0,"radiusKm":5}}""",
            """{"near":{"lat":"NaN","lon":0,"radiusKm":5}}""", """{"pageToken":"abc"}""", """{"orderBy":"SIDEWAYS"}""", """{"orientations":["X"]}""",
            """{"maxFee":"-1","currency":"USD"}""", """{"modalities":[null]}""",
        })
            yield return RestCase.Json($"search {body}", HttpMethod.Post, "/v1/listings:search", body, null);
    }

    private static IEnumerable<RestCase> Paths(Seeded s, string owner, string client)
    {
        foreach (var id in IdCases.OddIds)
        {
            var e = Uri.EscapeDataString(id);
            yield return RestCase.Json($"listing id '{IdCases.Show(id)}'", HttpMethod.Get, $"/v1/listings/{e}", null, null);
            yield return RestCase.Json($"profile id '{IdCases.Show(id)}'", HttpMethod.Get, $"/v1/profiles/{e}", null, client);
            yield return RestCase.Json($"slots of '{IdCases.Show(id)}'", HttpMethod.Get, $"/v1/listings/{e}/slots", null, null);
            yield return RestCase.Json($"delete '{IdCases.Show(id)}'", HttpMethod.Delete, $"/v1/listings/{e}", null, owner);
        }
        var id0 = s.Listing.Id;
        foreach (var query in new[]
        {
            "slots?pageSize=abc", "slots?pageSize=99999999999", "slots?startTime=garbage", "slots?startTime=9999-99-99T00:00:00Z",
            "slots?endTime=0001-01-01T00:00:00Z", "slots?startTime=10000-01-01T00:00:00Z", "calendar?days=-1", "calendar?days=abc", "calendar?days=1e9",
            "bookings?startTime=x",
        })
            yield return RestCase.Json($"query {query}", HttpMethod.Get, $"/v1/listings/{id0}/{query}", null, owner);
        yield return RestCase.Json("category=99", HttpMethod.Get, "/v1/modalities?category=99", null, null);
        yield return RestCase.Json("category=NOPE", HttpMethod.Get, "/v1/modalities?category=NOPE", null, null);
        yield return RestCase.Json("wrong verb", HttpMethod.Delete, "/v1/listings:search", null, null);
        yield return RestCase.Json("wrong verb", HttpMethod.Put, "/v1/listings", "{}", owner);
    }

    private static IEnumerable<RestCase> Auth(Seeded s)
    {
        var listing = JsonFormatter.Default.Format(Samples.Naturopath("REST probe"));
        var stranger = GatewayGrpc.Bearer(Seeded.Stranger);
        yield return RestCase.Json("create without a token", HttpMethod.Post, "/v1/listings", listing, null);
        yield return RestCase.Json("create with a forged token", HttpMethod.Post, "/v1/listings", listing, "Bearer abc.def.ghi");
        yield return RestCase.Json("update someone else's listing", HttpMethod.Patch, $"/v1/listings/{s.Listing.Id}",
            JsonFormatter.Default.Format(s.Listing), stranger);
        yield return RestCase.Json("delete someone else's listing", HttpMethod.Delete, $"/v1/listings/{s.Listing.Id}", null, stranger);
        yield return RestCase.Json("read someone else's profile", HttpMethod.Get, $"/v1/profiles/{s.Profile.Id}", null, stranger);
        yield return RestCase.Json("match on someone else's profile", HttpMethod.Post, $"/v1/profiles/{s.Profile.Id}:match", "{}", stranger);
        yield return RestCase.Json("stale etag", HttpMethod.Patch, $"/v1/listings/{s.Listing.Id}", """{"displayName":"x","etag":"0"}""",
            GatewayGrpc.Bearer(s.ListingOwner));
    }

    private static string Show(string body) => body.Length > 24 ? $"{body[..10]}… ({body.Length} chars)" : body;
}

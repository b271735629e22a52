using System.Net;
using System.Text.Json;

namespace HealingNetwork.Gateway.Tests;

/// <summary>/openapi.json is generated from the protos' google.api.http rules.</summary>
public sealed class OpenApiTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task OpenApi_lists_the_rest_paths_with_their_verbs()
    {
        using var doc = await Document();
        var paths = doc.RootElement.GetProperty("paths");

        Assert.True(paths.GetProperty("/v1/listings").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/listings").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/v1/listings:search").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/profiles/{profile_id}:match").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/listings/{listing_id}/slots").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task OpenApi_marks_exactly_the_public_operations_as_needing_no_token()
    {
        using var doc = await Document();
        var paths = doc.RootElement.GetProperty("paths");

        Assert.Equal(0, paths.GetProperty("/v1/listings:search").GetProperty("post").GetProperty("security").GetArrayLength());
        Assert.False(paths.GetProperty("/v1/listings").GetProperty("post").TryGetProperty("security", out _));
        // A practitioner's own listings: a token is needed, though GET /v1/listings/{id} is public.
        Assert.False(paths.GetProperty("/v1/listings").GetProperty("get").TryGetProperty("security", out _));
        Assert.Equal("bearer", doc.RootElement.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task Listing_ones_profiles_is_a_get_of_v1_profiles_paged_by_query_that_needs_a_token()
    {
        using var doc = await Document();
        var list = doc.RootElement.GetProperty("paths").GetProperty("/v1/profiles").GetProperty("get");

        Assert.Equal("ProfileService_ListProfiles", list.GetProperty("operationId").GetString());
        Assert.Equal(["pageSize", "pageToken"], list.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()));
        Assert.False(list.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task No_two_paths_differ_only_in_parameter_names()
    {
        using var doc = await Document();
        var shapes = doc.RootElement.GetProperty("paths").EnumerateObject()
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p.Name, @"\{[^}]+\}", "{}")).ToList();

        Assert.Equal(shapes.Count, shapes.Distinct().Count());
        var listing = doc.RootElement.GetProperty("paths").GetProperty("/v1/listings/{id}");
        Assert.True(listing.TryGetProperty("patch", out _));
        Assert.True(listing.TryGetProperty("delete", out _));
    }

    [Fact]
    public async Task Schemas_follow_the_proto3_json_mapping()
    {
        using var doc = await Document();
        var listing = doc.RootElement.GetProperty("components").GetProperty("schemas")
            .GetProperty("healing.directory.v1.Listing").GetProperty("properties");

        Assert.Equal("string", listing.GetProperty("displayName").GetProperty("type").GetString());
        Assert.Equal("date-time", listing.GetProperty("createTime").GetProperty("format").GetString());
        Assert.Contains("ORIENTATION_NATURE_ORIENTED", listing.GetProperty("orientation").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_stale_etag_is_documented_under_400_where_json_transcoding_answers_failed_precondition()
    {
        using var doc = await Document();
        var responses = doc.RootElement.GetProperty("paths").GetProperty("/v1/profiles/{id}").GetProperty("patch").GetProperty("responses");

        Assert.Contains("stale etag", responses.GetProperty("400").GetProperty("description").GetString());
        Assert.DoesNotContain("etag", responses.GetProperty("409").GetProperty("description").GetString());
    }

    private async Task<JsonDocument> Document()
    {
        var response = await gateway.Client().GetAsync("/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

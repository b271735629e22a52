using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>
/// REST requests that JSON transcoding cannot read at all (refused by grpc-dotnet before any
/// interceptor) get 400 INVALID_ARGUMENT in the same JSON shape as every other validation error:
/// a google.rpc.Status whose BadRequest names the field, and no .NET type names or exception text.
/// </summary>
public sealed partial class RestRequestErrorTests(DirectorySystemFixture fixture) : IClassFixture<DirectorySystemFixture>
{
    private static readonly JsonParser StatusParser = new(JsonParser.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(BadRequest.Descriptor)));

    [Theory]
    [InlineData("/v1/listings:search", """{"query":"tea","near":{"lat":1,"lon":2,}}""", "near")]
    [InlineData("/v1/listings:search", """{"query":"tea","modalities":["naturopathy" "herbalism"]}""", "modalities")]
    [InlineData("/v1/listings", """{"displayName":"Maya","bio":"unterminated}""", "listing.bio")]
    public async Task Malformed_json_body_gets_400_naming_the_field_without_dotnet_type_names(string path, string body, string field)
    {
        var violation = Assert.Single(await RefusedAsync(HttpMethod.Post, path, body));

        Assert.Equal(field, violation.Field);
        Assert.StartsWith("is not valid JSON (line 1, position ", violation.Description);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("nul")]
    public async Task Body_that_is_not_json_at_all_gets_400_saying_where_it_breaks(string body)
    {
        var status = await StatusOfRefusalAsync(HttpMethod.Post, "/v1/listings:search", body);

        Assert.StartsWith("The request body is not valid JSON (line 1, position ", status.Message);
    }

    [Theory]
    [InlineData("/v1/listings", """{"displayName":"Maya","orientation":"NOT_AN_ENUM"}""", "listing.orientation")]
    [InlineData("/v1/listings:search", """{"orientations":["ORIENTATION_NATURE_ORIENTED","NOPE"]}""", "orientations[1]")]
    public async Task Unknown_enum_value_gets_400_naming_the_field_and_the_allowed_values(string path, string body, string field)
    {
        var violation = Assert.Single(await RefusedAsync(HttpMethod.Post, path, body));

        Assert.Equal(field, violation.Field);
        Assert.Equal("must be one of ORIENTATION_NATURE_ORIENTED, ORIENTATION_INTEGRATIVE, ORIENTATION_CONVENTIONAL", violation.Description);
    }

    [Theory]
    [InlineData("""{"modalities":null}""", "modalities", "must be a list ([] for none), not null")]
    [InlineData("""{"modalities":["naturopathy",null]}""", "modalities[1]", "must not be null")]
    public async Task Null_for_a_list_or_an_item_gets_400_naming_the_field(string body, string field, string description)
    {
        var violation = Assert.Single(await RefusedAsync(HttpMethod.Post, "/v1/listings:search", body));

        Assert.Equal(field, violation.Field);
        Assert.Equal(description, violation.Description);
    }

    [Theory]
    [InlineData("/v1/listings:search", """{"pageSize":"abc"}""", "page_size", "must be a whole number from -2147483648 to 2147483647")]
    [InlineData("/v1/listings:search", """{"pageSize":1.5}""", "page_size", "must be a whole number from -2147483648 to 2147483647")]
    [InlineData("/v1/listings:search", """{"near":{"lat":"north","lon":0}}""", "near.lat", "must be a number")]
    [InlineData("/v1/listings", """{"terms":{"feeMin":"9223372036854775808"}}""", "listing.terms.fee_min", "must be a whole number from -9223372036854775808 to 9223372036854775807")]
    [InlineData("/v1/listings", """{"createTime":"not a time"}""", "listing.create_time", "must be an RFC 3339 time such as \"2026-01-31T09:00:00Z\"")]
    public async Task Text_where_a_number_or_time_belongs_gets_400_naming_the_field(string path, string body, string field, string description)
    {
        var violation = Assert.Single(await RefusedAsync(HttpMethod.Post, path, body));

        Assert.Equal(field, violation.Field);
        Assert.Equal(description, violation.Description);
    }

    [Fact]
    public async Task Null_as_the_whole_listing_gets_400_naming_the_listing()
    {
        var violation = Assert.Single(await RefusedAsync(HttpMethod.Post, "/v1/listings", "null"));

        Assert.Equal("listing", violation.Field);
        Assert.Equal("must be an object, not null", violation.Description);
    }

    [Theory]
    [InlineData("/v1/modalities?category=NOPE", "category")]
    [InlineData("/v1/modalities?category=99", "category")]
    [InlineData("/v1/listings/abc/slots?pageSize=abc", "page_size")]
    [InlineData("/v1/listings/abc/calendar?days=1e9", "days")]
    [InlineData("/v1/listings/abc/slots?pageSize=1&pageSize=2", "page_size")]
    public async Task Bad_query_parameter_gets_400_naming_the_field(string path, string field)
    {
        var violation = Assert.Single(await RefusedAsync(HttpMethod.Get, path, null));

        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public async Task Body_that_is_not_json_content_gets_400_asking_for_json()
    {
        var status = await StatusOfRefusalAsync(HttpMethod.Post, "/v1/listings:search", "{}", "text/plain");

        Assert.Equal("The request body must be JSON, sent with Content-Type: application/json.", status.Message);
    }

    [Fact]
    public async Task A_readable_request_the_service_refuses_keeps_the_services_own_violations()
    {
        var violations = await RefusedAsync(HttpMethod.Post, "/v1/listings", """{"displayName":"Maya","orientation":99}""");

        Assert.Contains(violations, v => v.Field == "listing.orientation" && v.Description.StartsWith("must be NATURE_ORIENTED", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Field == "listing.modalities");
    }

    [Fact]
    public async Task A_readable_search_is_answered_as_before()
    {
        using var http = Http();

        var reply = await http.PostAsync("/v1/listings:search", Json("""{"query":"nothing-matches-this-query","pageSize":5,"orientations":["ORIENTATION_NATURE_ORIENTED"]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Empty(JsonParser.Default.Parse<SearchListingsResponse>(await reply.Content.ReadAsStringAsync()).Results);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_sent_straight_to_the_service_gets_413_resource_exhausted(bool announcesLength)
    {
        using var http = Http();
        var body = BioOf(1024 * 1024 + 1);
        HttpContent content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/listings") { Content = announcesLength ? content : new UnannouncedLength(content) };
        request.Headers.TransferEncodingChunked = !announcesLength;

        var reply = await http.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();

        Assert.True(reply.StatusCode == HttpStatusCode.RequestEntityTooLarge, text);
        var status = StatusParser.Parse<Google.Rpc.Status>(text);
        Assert.Equal((int)Code.ResourceExhausted, status.Code);
        Assert.Equal("The request body is larger than the 1048576 bytes a request may have.", status.Message);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read_as_usual()
    {
        using var http = Http();
        var body = BioOf(1024 * 1024 - 100);

        var violations = await RefusedAsync(HttpMethod.Post, "/v1/listings", body);

        Assert.Contains(violations, v => v.Field == "listing.bio" && v.Description == "must be at most 4000 characters");
    }

    private async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> RefusedAsync(HttpMethod method, string path, string? body)
    {
        var status = await StatusOfRefusalAsync(method, path, body);
        var details = Assert.Single(status.Details);
        var violations = details.Unpack<BadRequest>().FieldViolations;
        if (violations.Count == 1) Assert.Equal($"{violations[0].Field}: {violations[0].Description}", status.Message);
        return violations;
    }

    private async Task<Google.Rpc.Status> StatusOfRefusalAsync(HttpMethod method, string path, string? body, string contentType = "application/json")
    {
        using var http = Http();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);

        var reply = await http.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.DoesNotMatch(DotnetInternals(), text);
        var status = StatusParser.Parse<Google.Rpc.Status>(text);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        return status;
    }

    private HttpClient Http()
    {
        var http = fixture.System.DirectoryHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For("rest-errors-" + Guid.NewGuid().ToString("N")[..8]));
        return http;
    }

    /// <summary>A listing whose bio is <paramref name="length"/> letters: a body a little over that many bytes.</summary>
    private static string BioOf(int length) => "{\"displayName\":\"Maya\",\"bio\":\"" + new string('x', length) + "\"}";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Namespaces, generic arity marks and exception wording that only .NET internals produce.</summary>
    [GeneratedRegex(@"System\.|Google\.Protobuf|HealingNetwork\.|`\d|Exception|Parameter '|Unable to (assign|deserialize)|enum type")]
    private static partial Regex DotnetInternals();
}

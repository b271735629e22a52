using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>
/// Bad SearchListings and GetListing requests, one broken field at a time: INVALID_ARGUMENT whose
/// BadRequest names exactly that field, never INTERNAL.
/// </summary>
public sealed class InvalidSearchTests(DirectorySystemFixture fixture) : IClassFixture<DirectorySystemFixture>
{
    private DirectoryService.DirectoryServiceClient Client => fixture.System.Directory;

    private static GeoRadius Portland() => new() { Lat = Samples.PortlandLat, Lon = Samples.PortlandLon, RadiusKm = 25 };

    public static TheoryData<string, string> Cases() => new()
    {
        { "latitude above 90", "near.lat" },
        { "latitude below -90", "near.lat" },
        { "NaN latitude", "near.lat" },
        { "longitude above 180", "near.lon" },
        { "longitude below -180", "near.lon" },
        { "zero radius", "near.radius_km" },
        { "negative radius", "near.radius_km" },
        { "radius beyond half the Earth", "near.radius_km" },
        { "unknown modality code", "modalities[0]" },
        { "unknown modality after a known one", "modalities[1]" },
        { "unspecified orientation", "orientations[0]" },
        { "orientation number not in the enum", "orientations[0]" },
        { "order number not in the enum", "order_by" },
        { "page size above 100", "page_size" },
        { "negative page size", "page_size" },
        { "query over 200 characters", "query" },
        { "earliest slot horizon above 62 days", "earliest_slot_horizon_days" },
        { "negative earliest slot horizon", "earliest_slot_horizon_days" },
        { "earliest slot horizon without include_earliest_slot", "earliest_slot_horizon_days" },
        { "preferences without preference order", "prefer" },
        { "preferred lifestyle tag not kebab-case", "prefer.lifestyle_tags[0]" },
        { "more than 30 preferred lifestyle tags", "prefer.lifestyle_tags" },
        { "unknown preferred modality", "prefer.modalities[0]" },
        { "unspecified preferred orientation", "prefer.orientations[0]" },
        { "negative preference weight", "prefer.weights.lifestyle_tag" },
        { "NaN preference weight", "prefer.weights.approach_signal" },
        { "preference weight above 1000", "prefer.weights.modality" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_search_is_invalid_argument_naming_the_field(string @case, string field)
    {
        var request = new SearchListingsRequest { Query = "herbs", Near = Portland(), PageSize = 10 };
        Break(request, @case);

        var details = await RpcAssert.InvalidField(field, () => Client.SearchListingsAsync(request).ResponseAsync);

        Assert.Equal([field], details.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task The_unbroken_search_is_accepted()
    {
        var response = await Client.SearchListingsAsync(new SearchListingsRequest { Query = "herbs", Near = Portland(), PageSize = 10 });

        Assert.NotNull(response);
    }

    [Fact]
    public async Task Every_bad_field_of_one_search_is_named()
    {
        var request = new SearchListingsRequest
        {
            Query = new string('q', 201), Near = new GeoRadius { Lat = 91, Lon = -181, RadiusKm = 0 },
            Modalities = { "not-a-modality" }, Orientations = { (Orientation)42 }, PageSize = 101,
        };

        var details = await RpcAssert.InvalidField("query", () => Client.SearchListingsAsync(request).ResponseAsync);

        Assert.Equal(
            ["modalities[0]", "near.lat", "near.lon", "near.radius_km", "orientations[0]", "page_size", "query"],
            details.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    // These searched nothing and returned the whole directory, as if the person had typed nothing.
    [Theory]
    [InlineData("the")]
    [InlineData("(((")]
    [InlineData("  ...  ")]
    [InlineData("The and, of the")]
    public async Task A_query_with_no_words_to_search_for_is_invalid_argument_not_the_whole_directory(string query)
    {
        var request = new SearchListingsRequest { Query = query, Near = Portland(), PageSize = 10 };

        var details = await RpcAssert.InvalidField("query", () => Client.SearchListingsAsync(request).ResponseAsync);

        var violation = Assert.Single(details.FieldViolations);
        Assert.Equal(("query", "has no words to search for (common words such as \"the\" are not searched)"), (violation.Field, violation.Description));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the herbalist")]
    [InlineData("José")]
    public async Task A_blank_query_is_no_query_and_one_word_to_search_for_is_enough(string query)
    {
        var response = await Client.SearchListingsAsync(new SearchListingsRequest { Query = query, Near = Portland(), PageSize = 10 });

        Assert.NotNull(response);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")] // 65 characters
    public async Task A_malformed_listing_id_is_invalid_argument_naming_id(string id)
    {
        var details = await RpcAssert.InvalidField("id", () => Client.GetListingAsync(new GetListingRequest { Id = id }).ResponseAsync);

        Assert.Equal(["id"], details.FieldViolations.Select(v => v.Field));
    }

    /// <summary>Valid preferences under the preference order, for a case to break one field of.</summary>
    private static SearchPreferences Prefer(SearchListingsRequest r)
    {
        r.OrderBy = SearchOrder.Preference;
        return r.Prefer = new SearchPreferences();
    }

    [Fact]
    public async Task A_search_ordered_by_valid_preferences_is_accepted()
    {
        var request = new SearchListingsRequest { Query = "herbs", Near = Portland(), PageSize = 10, OrderBy = SearchOrder.Preference };
        request.Prefer = new SearchPreferences
        {
            LifestyleTags = { "organic-food" }, Orientations = { Orientation.NatureOriented }, Modalities = { "naturopathy" },
            SharedDecisions = true, Weights = new PreferenceWeights { LifestyleTag = 1000, Orientation = 0 },
        };

        var response = await Client.SearchListingsAsync(request);

        Assert.NotNull(response);
    }

    private static void Break(SearchListingsRequest r, string @case)
    {
        switch (@case)
        {
            case "latitude above 90": r.Near.Lat = 90.0001; break;
            case "latitude below -90": r.Near.Lat = -91; break;
            case "NaN latitude": r.Near.Lat = double.NaN; break;
            case "longitude above 180": r.Near.Lon = 180.5; break;
            case "longitude below -180": r.Near.Lon = -200; break;
            case "zero radius": r.Near.RadiusKm = 0; break;
            case "negative radius": r.Near.RadiusKm = -5; break;
            case "radius beyond half the Earth": r.Near.RadiusKm = 20_001; break;
            case "unknown modality code": r.Modalities.Add("crystal-telepathy"); break;
            case "unknown modality after a known one": r.Modalities.Add("naturopathy"); r.Modalities.Add("NATUROPATHY!"); break;
            case "unspecified orientation": r.Orientations.Add(Orientation.Unspecified); break;
            case "orientation number not in the enum": r.Orientations.Add((Orientation)42); break;
            case "order number not in the enum": r.OrderBy = (SearchOrder)42; break;
            case "page size above 100": r.PageSize = 101; break;
            case "negative page size": r.PageSize = -1; break;
            case "query over 200 characters": r.Query = new string('q', 201); break;
            case "earliest slot horizon above 62 days": r.IncludeEarliestSlot = true; r.EarliestSlotHorizonDays = 63; break;
            case "negative earliest slot horizon": r.IncludeEarliestSlot = true; r.EarliestSlotHorizonDays = -1; break;
            case "earliest slot horizon without include_earliest_slot": r.EarliestSlotHorizonDays = 7; break;
            case "preferences without preference order": r.Prefer = new SearchPreferences { SharedDecisions = true }; break;
            case "preferred lifestyle tag not kebab-case": Prefer(r).LifestyleTags.Add("Organic Food"); break;
            case "more than 30 preferred lifestyle tags": Prefer(r).LifestyleTags.AddRange(Enumerable.Range(0, 31).Select(i => $"tag-{i}")); break;
            case "unknown preferred modality": Prefer(r).Modalities.Add("crystal-telepathy"); break;
            case "unspecified preferred orientation": Prefer(r).Orientations.Add(Orientation.Unspecified); break;
            case "negative preference weight": Prefer(r).Weights = new PreferenceWeights { LifestyleTag = -1 }; break;
            case "NaN preference weight": Prefer(r).Weights = new PreferenceWeights { ApproachSignal = double.NaN }; break;
            case "preference weight above 1000": Prefer(r).Weights = new PreferenceWeights { Modality = 1000.5 }; break;
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, "no such case");
        }
    }
}

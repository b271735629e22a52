using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>Listings through the real gRPC pipeline against the real store and index.</summary>
public sealed class ListingApiTests(DirectorySystemFixture fixture) : IClassFixture<DirectorySystemFixture>
{
    private DirectoryService.DirectoryServiceClient Client => fixture.System.Directory;

    /// <summary>A random spot on Earth, so tests sharing one store never see each other's listings.</summary>
    private static (double Lat, double Lon) UniquePlace() => (Random.Shared.NextDouble() * 120 - 60, Random.Shared.NextDouble() * 340 - 170);

    private static string NewOwner() => "owner-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Created_listing_is_returned_by_get_with_server_fields_set()
    {
        var owner = NewOwner();
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));

        Assert.Equal(32, created.Id.Length);
        Assert.Equal(owner, created.OwnerId);
        Assert.False(string.IsNullOrEmpty(created.Etag));
        Assert.NotNull(created.LastConfirmedTime);
        Assert.False(created.Stale);

        var read = await Client.GetListingAsync(new GetListingRequest { Id = created.Id });
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task Created_listing_is_searchable_at_once_near_its_location()
    {
        var name = "Searchable " + Guid.NewGuid().ToString("N")[..6];
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath(name, 10.001, 20.001) }, Tokens.As(NewOwner()));

        var response = await Client.SearchListingsAsync(new SearchListingsRequest
        {
            Modalities = { "naturopathy" },
            Orientations = { Orientation.NatureOriented },
            Near = new GeoRadius { Lat = 10, Lon = 20, RadiusKm = 5 },
        });

        var hit = Assert.Single(response.Results, r => r.Listing.Id == created.Id);
        Assert.InRange(hit.DistanceKm, 0.1, 0.2);
    }

    [Fact]
    public async Task Search_leaves_out_listings_beyond_the_radius_and_other_modalities()
    {
        var owner = NewOwner();
        var near = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Near", -30, 150) }, Tokens.As(owner));
        var far = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Far", -31, 150) }, Tokens.As(owner));
        var cardio = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Cardiologist("Heart", true, -30.001, 150) }, Tokens.As(owner));

        var response = await Client.SearchListingsAsync(new SearchListingsRequest
        {
            Modalities = { "naturopathy" },
            Near = new GeoRadius { Lat = -30, Lon = 150, RadiusKm = 50 },
        });
        var ids = response.Results.Select(r => r.Listing.Id).ToArray();

        Assert.Contains(near.Id, ids);
        Assert.DoesNotContain(far.Id, ids);
        Assert.DoesNotContain(cardio.Id, ids);
    }

    [Fact]
    public async Task A_pt_BR_search_finds_a_pt_listing_and_a_pt_search_finds_a_pt_BR_listing()
    {
        var (lat, lon) = UniquePlace();
        var owner = NewOwner();
        async Task<Listing> Speaking(string language, string name)
        {
            var listing = Samples.Naturopath(name, lat, lon);
            listing.Languages.Clear();
            listing.Languages.Add(language);
            return await Client.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As(owner));
        }
        var lisbon = await Speaking("pt", "Lisboa");
        var saoPaulo = await Speaking("pt-BR", "São Paulo");
        await Speaking("es", "Madrid");

        async Task<Listing[]> Search(string language) => (await Client.SearchListingsAsync(new SearchListingsRequest
        {
            Languages = { language },
            Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 },
        })).Results.Select(r => r.Listing).OrderBy(l => l.DisplayName, StringComparer.Ordinal).ToArray();

        string[] portuguese = [lisbon.Id, saoPaulo.Id];
        Assert.Equal(portuguese, (await Search("pt-BR")).Select(l => l.Id));
        Assert.Equal(portuguese, (await Search("pt")).Select(l => l.Id));
        Assert.Equal(portuguese, (await Search("pt-PT")).Select(l => l.Id));
        // Each listing still says what its owner wrote.
        Assert.Equal(["pt", "pt-BR"], (await Search("pt")).Select(l => l.Languages.Single()));
    }

    [Fact]
    public async Task A_search_typed_without_accents_finds_names_written_with_them()
    {
        var (lat, lon) = UniquePlace();
        var owner = NewOwner();
        var jose = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("José Rodrígez", lat, lon) }, Tokens.As(owner));
        var anna = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Anna Müller", lat, lon) }, Tokens.As(owner));

        async Task<string[]> Search(string text) => (await Client.SearchListingsAsync(new SearchListingsRequest
        {
            Query = text,
            Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 },
        })).Results.Select(r => r.Listing.Id).ToArray();

        Assert.Equal([jose.Id], await Search("Jose"));
        Assert.Equal([jose.Id], await Search("rodrigez"));
        Assert.Equal([jose.Id], await Search("José"));
        Assert.Equal([anna.Id], await Search("Muller"));
        Assert.Equal("José Rodrígez", (await Client.SearchListingsAsync(new SearchListingsRequest { Query = "Jose", Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 } })).Results.Single().Listing.DisplayName);
    }

    [Fact]
    public async Task Update_with_mask_changes_only_masked_fields_and_a_stale_etag_is_rejected()
    {
        var owner = NewOwner();
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));
        var patch = new Listing { Id = created.Id, Etag = created.Etag, Bio = "New bio", DisplayName = "ignored" };

        var updated = await Client.UpdateListingAsync(new UpdateListingRequest { Listing = patch, UpdateMask = FieldMask.FromString("bio") }, Tokens.As(owner));

        Assert.Equal("New bio", updated.Bio);
        Assert.Equal(created.DisplayName, updated.DisplayName);
        Assert.NotEqual(created.Etag, updated.Etag);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            Client.UpdateListingAsync(new UpdateListingRequest { Listing = patch, UpdateMask = FieldMask.FromString("bio") }, Tokens.As(owner)).ResponseAsync);
    }

    [Fact]
    public async Task A_rest_update_takes_its_mask_in_the_proto3_json_form_from_the_query_string()
    {
        var owner = NewOwner();
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));
        using var http = fixture.System.DirectoryHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(owner));

        var reply = await http.PatchAsync($"/v1/listings/{created.Id}?update_mask=displayName,terms.feeMin", new StringContent(
            $$$"""{"id":"{{{created.Id}}}","etag":"{{{created.Etag}}}","displayName":"Maya Okafor, ND, LAc","bio":"ignored","terms":{"feeMin":"7000"}}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, reply.StatusCode);
        var updated = Google.Protobuf.JsonParser.Default.Parse<Listing>(await reply.Content.ReadAsStringAsync());
        Assert.Equal("Maya Okafor, ND, LAc", updated.DisplayName);
        Assert.Equal(7000, updated.Terms.FeeMin);
        Assert.Equal(created.Terms.FeeMax, updated.Terms.FeeMax);
        Assert.Equal(created.Bio, updated.Bio);
    }

    [Fact]
    public async Task An_update_names_the_unknown_mask_path_and_the_bad_values_of_the_known_ones_together_and_changes_nothing()
    {
        var owner = NewOwner();
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));

        var details = await RpcAssert.InvalidField("update_mask.paths[1]", () => Client.UpdateListingAsync(new UpdateListingRequest
        {
            Listing = new Listing { Id = created.Id, Etag = created.Etag, Bio = "Bad\u0007bio", Languages = { "en", "EN" } },
            UpdateMask = FieldMask.FromString("bio,nosuch,languages"),
        }, Tokens.As(owner)).ResponseAsync);

        Assert.Equal(["update_mask.paths[1]", "listing.bio", "listing.languages[1]"], details.FieldViolations.Select(v => v.Field));
        Assert.Equal(created, await Client.GetListingAsync(new GetListingRequest { Id = created.Id }));
    }

    [Fact]
    public async Task Two_concurrent_updates_with_the_same_etag_exactly_one_succeeds()
    {
        var owner = NewOwner();
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));

        var attempts = Enumerable.Range(0, 16).Select(async i =>
        {
            try
            {
                await Client.UpdateListingAsync(new UpdateListingRequest
                {
                    Listing = new Listing { Id = created.Id, Etag = created.Etag, Bio = $"writer {i}" },
                    UpdateMask = FieldMask.FromString("bio"),
                }, Tokens.As(owner));
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Only_the_owner_may_update_or_delete()
    {
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(NewOwner()));
        var intruder = Tokens.As(NewOwner());

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Client.UpdateListingAsync(new UpdateListingRequest
        {
            Listing = new Listing { Id = created.Id, Etag = created.Etag, Bio = "hijacked" },
            UpdateMask = FieldMask.FromString("bio"),
        }, intruder).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Client.DeleteListingAsync(new DeleteListingRequest { Id = created.Id }, intruder).ResponseAsync);
        Assert.Equal(created.Bio, (await Client.GetListingAsync(new GetListingRequest { Id = created.Id })).Bio);
    }

    [Fact]
    public async Task Writes_without_a_token_are_unauthenticated()
    {
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () =>
            Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }).ResponseAsync);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("alice\nbob")]
    [InlineData("x", 256)]
    public async Task A_token_whose_subject_names_nobody_cannot_write(string subject, int repeat = 1)
    {
        var token = Tokens.As(string.Concat(Enumerable.Repeat(subject, repeat)));

        var refused = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () =>
            Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, token).ResponseAsync);

        Assert.Contains("subject", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_listing_is_gone_from_store_and_search()
    {
        var owner = NewOwner();
        var name = "Doomed " + Guid.NewGuid().ToString("N")[..6];
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath(name, 60, 60) }, Tokens.As(owner));

        await Client.DeleteListingAsync(new DeleteListingRequest { Id = created.Id }, Tokens.As(owner));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => Client.GetListingAsync(new GetListingRequest { Id = created.Id }).ResponseAsync);
        var search = await Client.SearchListingsAsync(new SearchListingsRequest { Near = new GeoRadius { Lat = 60, Lon = 60, RadiusKm = 1 } });
        Assert.DoesNotContain(search.Results, r => r.Listing.Id == created.Id);
    }

    [Fact]
    public async Task Search_results_equal_the_listings_as_read_with_staleness_computed_at_search_time()
    {
        // Results are written from the stored encodings (SearchListingsWire): a search must give
        // byte for byte the listing GetListing gives, stale flag included.
        // The Directory's clock is moved, not waited for: a real 1 s threshold failed on a busy machine.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = new TestSystem(new Dictionary<string, string?> { ["Directory:StaleAfter"] = "00:01:00" },
            host => host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var client = system.Directory;
        var owner = NewOwner();
        var (lat, lon) = UniquePlace();
        var stale = await client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Stale one", lat, lon) }, Tokens.As(owner));
        var fresh = await client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Fresh one", lat + 0.001, lon) }, Tokens.As(owner));
        clock.Advance(TimeSpan.FromSeconds(61));
        fresh = await client.ConfirmListingAsync(new ConfirmListingRequest { Id = fresh.Id }, Tokens.As(owner));

        var response = await client.SearchListingsAsync(new SearchListingsRequest { Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 }, OrderBy = SearchOrder.Distance });

        Assert.Equal([stale.Id, fresh.Id], response.Results.Select(r => r.Listing.Id));
        Assert.True(response.Results[0].Listing.Stale);
        Assert.False(response.Results[1].Listing.Stale);
        foreach (var result in response.Results)
        {
            Assert.Equal(await client.GetListingAsync(new GetListingRequest { Id = result.Listing.Id }), result.Listing);
        }
        Assert.Equal(2, response.TotalSize);
        Assert.True(response.Results[1].DistanceKm > response.Results[0].DistanceKm);
    }

    [Fact]
    public async Task A_rest_search_through_json_transcoding_returns_whole_listings()
    {
        var (lat, lon) = UniquePlace();
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Rest searchable", lat, lon) }, Tokens.As(NewOwner()));
        using var http = fixture.System.DirectoryHost.CreateClient();

        var body = Google.Protobuf.JsonFormatter.Default.Format(new SearchListingsRequest { Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 } });
        var reply = await http.PostAsync("/v1/listings:search", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        reply.EnsureSuccessStatusCode();
        var response = Google.Protobuf.JsonParser.Default.Parse<SearchListingsResponse>(await reply.Content.ReadAsStringAsync());
        var listing = Assert.Single(response.Results).Listing;
        Assert.Equal(await Client.GetListingAsync(new GetListingRequest { Id = created.Id }), listing);
        Assert.False(string.IsNullOrEmpty(listing.Bio));
    }

    [Fact]
    public async Task Search_with_earliest_slots_gives_each_hit_the_slot_GetEarliestSlots_gives()
    {
        var owner = NewOwner();
        var (lat, lon) = UniquePlace();
        var open = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Open hours", lat, lon) }, Tokens.As(owner));
        var booked = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Booked first", lat + 0.001, lon) }, Tokens.As(owner));
        var closed = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("No hours", lat + 0.002, lon) }, Tokens.As(owner));
        var availability = fixture.System.Availability;
        foreach (var listing in new[] { open, booked })
        {
            var hours = new SetWeeklyAvailabilityRequest { ListingId = listing.Id, SessionMinutes = 30 };
            for (var day = Weekday.Monday; day <= Weekday.Sunday; day++)
                hours.Windows.Add(new WeeklyWindow { Weekday = day, Start = "00:00", End = "23:30", LocationIndex = -1 });
            await availability.SetWeeklyAvailabilityAsync(hours, Tokens.As(owner));
        }
        // The first slot of one listing is booked: its earliest is the next one, as GetEarliestSlots says.
        var first = (await availability.ListOpenSlotsAsync(new ListOpenSlotsRequest { ListingId = booked.Id, PageSize = 1 })).Slots[0];
        var hold = await availability.HoldSlotAsync(new HoldSlotRequest { ListingId = booked.Id, StartTime = first.StartTime }, Tokens.As("client-a"));
        await availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, Tokens.As("client-a"));

        var near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 };
        var response = await Client.SearchListingsAsync(new SearchListingsRequest { Near = near, OrderBy = SearchOrder.Distance, IncludeEarliestSlot = true });
        var earliest = (await availability.GetEarliestSlotsAsync(new GetEarliestSlotsRequest { ListingIds = { open.Id, booked.Id, closed.Id } })).Earliest;

        Assert.Equal([open.Id, booked.Id, closed.Id], response.Results.Select(r => r.Listing.Id));
        Assert.Equal(earliest[open.Id], response.Results[0].EarliestSlot);
        Assert.Equal(earliest[booked.Id], response.Results[1].EarliestSlot);
        Assert.True(response.Results[1].EarliestSlot.StartTime.ToDateTimeOffset() > first.StartTime.ToDateTimeOffset());
        Assert.Null(response.Results[2].EarliestSlot);
        // Listings are still the whole stored listings, and without the flag no slot is looked up.
        Assert.Equal(await Client.GetListingAsync(new GetListingRequest { Id = open.Id }), response.Results[0].Listing);
        var plain = await Client.SearchListingsAsync(new SearchListingsRequest { Near = near, OrderBy = SearchOrder.Distance });
        Assert.All(plain.Results, r => Assert.Null(r.EarliestSlot));

        // A one-day horizon still finds a slot in an all-week calendar.
        var shortHorizon = await Client.SearchListingsAsync(new SearchListingsRequest { Near = near, OrderBy = SearchOrder.Distance, IncludeEarliestSlot = true, EarliestSlotHorizonDays = 1 });
        Assert.Equal(earliest[open.Id], shortHorizon.Results[0].EarliestSlot);
    }

    [Fact]
    public void SearchListings_is_bound_with_the_wire_marshaller_and_every_other_method_as_generated()
    {
        _ = Client; // starts the host
        var methods = fixture.System.DirectoryHost.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<Grpc.AspNetCore.Server.GrpcMethodMetadata>())
            .Where(m => m?.ServiceType == typeof(HealingNetwork.Directory.Api.DirectoryApi))
            .Select(m => m!.Method).DistinctBy(m => m.FullName).ToArray();

        var search = Assert.IsType<Method<SearchListingsRequest, SearchListingsResponse>>(Assert.Single(methods, m => m.Name == "SearchListings"));
        Assert.Same(HealingNetwork.Directory.Api.SearchListingsWire.Marshaller, search.ResponseMarshaller);
        Assert.Equal(DirectoryService.Descriptor.Methods.Select(m => m.Name).Order(), methods.Select(m => m.Name).Order());
    }

    [Fact]
    public async Task Unknown_listing_is_not_found()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Client.GetListingAsync(new GetListingRequest { Id = "0123456789abcdef0123456789abcdef" }).ResponseAsync);
    }

    [Fact]
    public async Task Confirm_resets_the_confirmation_time()
    {
        var owner = NewOwner();
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));
        await Task.Delay(20);

        var confirmed = await Client.ConfirmListingAsync(new ConfirmListingRequest { Id = created.Id }, Tokens.As(owner));

        Assert.True(confirmed.LastConfirmedTime.ToDateTimeOffset() > created.LastConfirmedTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task Paging_walks_every_result_once_with_total_size()
    {
        var owner = NewOwner();
        var (lat, lon) = UniquePlace();
        for (var i = 0; i < 7; i++)
            await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath($"Pager {i}", lat + i * 0.001, lon) }, Tokens.As(owner));

        var request = new SearchListingsRequest { Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 }, PageSize = 3 };
        var seen = new List<string>();
        SearchListingsResponse page;
        do
        {
            page = await Client.SearchListingsAsync(request);
            Assert.Equal(7, page.TotalSize);
            seen.AddRange(page.Results.Select(r => r.Listing.Id));
            request.PageToken = page.NextPageToken;
        } while (page.NextPageToken.Length > 0);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task Paging_without_the_exact_total_still_walks_the_nearby_listings_in_distance_order()
    {
        var owner = NewOwner();
        var (lat, lon) = UniquePlace();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
            created.Add((await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath($"Near pager {i}", lat + i * 0.001, lon) }, Tokens.As(owner))).Id);

        var request = new SearchListingsRequest
        {
            Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 }, IncludeTelehealth = true, OrderBy = SearchOrder.Distance,
            PageSize = 3, SkipExactTotal = true,
        };
        var first = await Client.SearchListingsAsync(request);
        request.PageToken = first.NextPageToken;
        var second = await Client.SearchListingsAsync(request);
        request.PageToken = second.NextPageToken;
        var third = await Client.SearchListingsAsync(request);

        Assert.True(first.TotalSizeIsLowerBound);
        Assert.InRange(first.TotalSize, 3, 7);
        Assert.NotEmpty(first.NextPageToken);
        Assert.True(second.TotalSizeIsLowerBound);
        Assert.Equal(created, first.Results.Concat(second.Results).Concat(third.Results).Select(r => r.Listing.Id).Take(7));
        Assert.False(third.TotalSizeIsLowerBound, $"third page: total {third.TotalSize}, {third.Results.Count} results: {string.Join(", ", third.Results.Select(r => $"{r.Listing.DisplayName} {r.DistanceKm:F1}"))}; token {third.NextPageToken.Length}");
    }

    [Theory]
    [InlineData(SearchOrder.Distance, "")]
    [InlineData(SearchOrder.Relevance, "herbs sleep")]
    [InlineData(SearchOrder.Preference, "")]
    public async Task Listings_written_between_two_pages_neither_repeat_nor_hide_a_result(SearchOrder order, string text)
    {
        var owner = NewOwner();
        var (lat, lon) = UniquePlace();
        var before = new List<Listing>();
        for (var i = 0; i < 9; i++)
            before.Add(await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath($"Steady {i}", lat + (i + 1) * 0.002, lon) }, Tokens.As(owner)));
        var request = new SearchListingsRequest
        {
            Query = text, Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 }, OrderBy = order, PageSize = 3,
            Prefer = order == SearchOrder.Preference ? new SearchPreferences { SharedDecisions = true } : null,
        };

        var seen = new List<string>();
        var page = await Client.SearchListingsAsync(request);
        seen.AddRange(page.Results.Select(r => r.Listing.Id));
        var round = 0;
        while (page.NextPageToken.Length > 0)
        {
            // Between pages, in turn: a new listing that ranks first (at the centre), or one already
            // shown is removed. With offsets, the first shifted a shown result onto the next page and
            // the second pushed an unseen one back onto the page already read.
            if (round++ % 2 == 0)
            {
                await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath($"Newcomer {round}", lat, lon) }, Tokens.As(owner));
            }
            else
            {
                var shown = before.First(l => l.Id == seen[^1]);
                await Client.DeleteListingAsync(new DeleteListingRequest { Id = shown.Id, Etag = shown.Etag }, Tokens.As(owner));
            }
            request.PageToken = page.NextPageToken;
            page = await Client.SearchListingsAsync(request);
            seen.AddRange(page.Results.Select(r => r.Listing.Id));
        }

        Assert.Equal(seen.Distinct(), seen);
        Assert.Equal(before.Select(l => l.Id).Order(), seen.Where(id => before.Any(l => l.Id == id)).Order());
    }

    [Fact]
    public async Task A_practitioner_who_comes_to_the_client_is_found_beyond_the_radius()
    {
        var owner = NewOwner();
        var (lat, lon) = UniquePlace();
        // 22 km north of the client, visiting homes within 30 km.
        var visiting = Samples.Naturopath("Comes to you", lat + 0.2, lon);
        visiting.Locations[0].ServiceRadiusKm = 30;
        var visitingId = (await Client.CreateListingAsync(new CreateListingRequest { Listing = visiting }, Tokens.As(owner))).Id;
        var nearbyId = (await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Round the corner", lat + 0.01, lon) }, Tokens.As(owner))).Id;
        var near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 };

        var found = await Client.SearchListingsAsync(new SearchListingsRequest { Near = near, OrderBy = SearchOrder.Distance });
        var visitsOnly = await Client.SearchListingsAsync(new SearchListingsRequest { Near = near, HomeVisitsOnly = true });

        Assert.Equal([nearbyId, visitingId], found.Results.Select(r => r.Listing.Id));
        Assert.Equal([false, true], found.Results.Select(r => r.VisitsYou));
        Assert.Equal([visitingId], visitsOnly.Results.Select(r => r.Listing.Id));
    }

    [Fact]
    public async Task Home_visits_only_needs_a_place_and_no_telehealth()
    {
        var refused = await RpcAssert.InvalidField("home_visits_only", () => Client.SearchListingsAsync(new SearchListingsRequest { HomeVisitsOnly = true }).ResponseAsync);
        await RpcAssert.InvalidField("include_telehealth", () => Client.SearchListingsAsync(new SearchListingsRequest
        {
            HomeVisitsOnly = true, IncludeTelehealth = true, Near = new GeoRadius { Lat = 45.5, Lon = -122.6, RadiusKm = 5 },
        }).ResponseAsync);

        Assert.Contains("near", refused.FieldViolations.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_max_fee_of_zero_finds_free_sessions_only()
    {
        var owner = NewOwner();
        var (lat, lon) = UniquePlace();
        var free = Samples.Naturopath("Free clinic", lat, lon);
        free.Terms = new ExchangeTerms { Currency = "USD", FeeMin = 0, FeeMax = 0 };
        var freeId = (await Client.CreateListingAsync(new CreateListingRequest { Listing = free }, Tokens.As(owner))).Id;
        await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Paid clinic", lat, lon) }, Tokens.As(owner));
        var near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 };

        var freeOnly = await Client.SearchListingsAsync(new SearchListingsRequest { Near = near, MaxFee = 0, Currency = "USD" });
        var anyFee = await Client.SearchListingsAsync(new SearchListingsRequest { Near = near });

        Assert.Equal([freeId], freeOnly.Results.Select(r => r.Listing.Id));
        Assert.Equal(2, anyFee.TotalSize);
    }

    [Theory]
    [InlineData("usd", "capitals")]
    [InlineData("XYZ", "not an ISO 4217")]
    [InlineData("", "required with max_fee")]
    public async Task A_fee_limit_names_what_is_wrong_with_its_currency(string currency, string says)
    {
        var refused = await RpcAssert.InvalidField("currency", () => Client.SearchListingsAsync(new SearchListingsRequest { MaxFee = 5000, Currency = currency }).ResponseAsync);

        Assert.Contains(says, refused.FieldViolations.Single(f => f.Field == "currency").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_currency_without_a_fee_limit_is_refused_rather_than_ignored()
    {
        await RpcAssert.InvalidField("currency", () => Client.SearchListingsAsync(new SearchListingsRequest { Currency = "USD" }).ResponseAsync);
    }

    [Theory]
    [InlineData("not-a-token", "not a token this service issued")]
    [InlineData("AAAAAAAAAAAAAAAA", "earlier version")] // an offset token of the previous layout (12 bytes)
    [InlineData("Ag", "not a token this service issued")] // the version byte alone
    public async Task A_page_token_the_service_did_not_issue_is_refused(string token, string says)
    {
        var refused = await RpcAssert.InvalidField("page_token", () => Client.SearchListingsAsync(new SearchListingsRequest { PageToken = token }).ResponseAsync);

        Assert.Contains(says, refused.FieldViolations.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_token_from_another_query_is_refused()
    {
        var owner = NewOwner();
        var (lat, lon) = UniquePlace();
        for (var i = 0; i < 3; i++)
            await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath($"Token {i}", lat + i * 0.001, lon) }, Tokens.As(owner));
        var first = await Client.SearchListingsAsync(new SearchListingsRequest { Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 5 }, PageSize = 1 });

        await RpcAssert.InvalidField("page_token", () => Client.SearchListingsAsync(new SearchListingsRequest
        {
            Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 9 }, PageSize = 1, PageToken = first.NextPageToken,
        }).ResponseAsync);
    }

    [Fact]
    public async Task The_taxonomy_is_listed_by_category()
    {
        var all = await Client.ListModalitiesAsync(new ListModalitiesRequest());
        var bodywork = await Client.ListModalitiesAsync(new ListModalitiesRequest { Category = ModalityCategory.Bodywork });

        Assert.True(all.Modalities.Count >= 60);
        Assert.Contains(all.Modalities, m => m.Code == "cardiology" && m.NuccCode == "207RC0000X");
        Assert.All(bodywork.Modalities, m => Assert.Equal(ModalityCategory.Bodywork, m.Category));
    }

    [Fact]
    public async Task Import_stores_valid_listings_and_reports_each_bad_one_with_its_position()
    {
        var owner = NewOwner();
        using var call = Client.ImportListings(Tokens.As(owner));
        for (var i = 0; i < 10; i++)
        {
            var listing = Samples.Naturopath($"Imported {i}", 72, 72 + i * 0.001);
            if (i is 3 or 7) listing.TimeZone = "Nowhere/Land";
            await call.RequestStream.WriteAsync(new ImportListingsRequest { Listing = listing });
        }
        await call.RequestStream.CompleteAsync();
        var summary = await call;

        Assert.Equal(10, summary.Received);
        Assert.Equal(8, summary.Imported);
        Assert.Equal([3, 7], summary.Errors.Select(e => e.Index));
        Assert.All(summary.Errors, e => Assert.Contains("time_zone", e.Reason));

        // The batch was written in one store operation: each listing has its own etag and is searchable.
        var found = (await Client.SearchListingsAsync(new SearchListingsRequest { Near = new GeoRadius { Lat = 72, Lon = 72.005, RadiusKm = 5 }, PageSize = 50 }))
            .Results.Select(r => r.Listing).Where(l => l.DisplayName.StartsWith("Imported ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(8, found.Length);
        Assert.Equal(8, found.Select(l => l.Etag).Distinct().Count());
        var again = await Client.GetListingAsync(new GetListingRequest { Id = found[0].Id });
        Assert.Equal(found[0].Etag, again.Etag);
    }

    [Fact]
    public async Task Rebuild_index_is_for_admins_and_keeps_every_listing_searchable()
    {
        var created = await Client.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath("Rebuilt", 73, 73) }, Tokens.As(NewOwner()));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Client.RebuildIndexAsync(new RebuildIndexRequest(), Tokens.As(NewOwner())).ResponseAsync);
        var rebuilt = await Client.RebuildIndexAsync(new RebuildIndexRequest(), Tokens.As("admin"));

        Assert.True(rebuilt.Indexed >= 1);
        var search = await Client.SearchListingsAsync(new SearchListingsRequest { Near = new GeoRadius { Lat = 73, Lon = 73, RadiusKm = 1 } });
        Assert.Contains(search.Results, r => r.Listing.Id == created.Id);
    }
}

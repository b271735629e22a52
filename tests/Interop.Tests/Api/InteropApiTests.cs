using System.Text.Json.Nodes;
using Grpc.Core;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Interop.Fhir;
using HealingNetwork.Directory.Domain.Interop.Hsds;
using HealingNetwork.Directory.V1;
using HealingNetwork.Interop.Tests.Domain;
using HealingNetwork.Testing;

namespace HealingNetwork.Interop.Tests.Api;

/// <summary>InteropService and the calendar feed through the real gRPC/HTTP pipeline, store and index.</summary>
public sealed class InteropApiTests(InteropSystemFixture fixture) : IClassFixture<InteropSystemFixture>
{
    private TestSystem System => fixture.System;
    private InteropService.InteropServiceClient Interop => new(System.DirectoryHost.Channel());

    private static string NewOwner() => "owner-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A random spot on Earth, so tests sharing one store never see each other's listings.</summary>
    private static (double Lat, double Lon) UniquePlace() => (Random.Shared.NextDouble() * 120 - 60, Random.Shared.NextDouble() * 340 - 170);

    /// <summary>
    /// Streams the records while reading the answers, as the proto asks of clients, and returns
    /// every progress message in order and the summary, which must come last.
    /// </summary>
    private async Task<(List<ImportProgress> Progress, ImportSummary Summary)> ImportAsync(string owner, IEnumerable<string> records)
    {
        using var call = Interop.ImportHsds(Tokens.As(owner));
        var answers = ReadAllAsync(call.ResponseStream);
        foreach (var record in records) await call.RequestStream.WriteAsync(new ImportHsdsChunk { JsonRecord = record });
        await call.RequestStream.CompleteAsync();
        var responses = await answers;
        Assert.Equal(ImportHsdsResponse.KindOneofCase.Summary, responses[^1].KindCase);
        Assert.All(responses[..^1], r => Assert.Equal(ImportHsdsResponse.KindOneofCase.Progress, r.KindCase));
        return (responses[..^1].Select(r => r.Progress).ToList(), responses[^1].Summary);
    }

    private static async Task<List<ImportHsdsResponse>> ReadAllAsync(IAsyncStreamReader<ImportHsdsResponse> stream)
    {
        var responses = new List<ImportHsdsResponse>();
        await foreach (var response in stream.ReadAllAsync()) responses.Add(response);
        return responses;
    }

    private static string WithoutName(string record)
    {
        var service = JsonNode.Parse(record)!;
        service["name"] = "";
        return service.ToJsonString();
    }

    private async Task<List<string>> ExportAllAsync(SearchListingsRequest search, int pageSize)
    {
        var records = new List<string>();
        var token = "";
        do
        {
            var page = await Interop.ExportHsdsAsync(new ExportHsdsRequest { Search = search, PageSize = pageSize, PageToken = token });
            records.AddRange(JsonNode.Parse(page.Json)!.AsArray().Select(n => n!.ToJsonString()));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return records;
    }

    [Fact]
    public async Task Generated_listings_exported_as_hsds_and_imported_by_another_owner_keep_every_field()
    {
        var (lat, lon) = UniquePlace();
        var originals = SyntheticListings.Generate(25, seed: Random.Shared.Next()).Select(l =>
        {
            l.Telehealth = true;
            foreach (var place in l.Locations) { place.Lat = lat; place.Lon = lon; }
            return l;
        }).ToList();
        var publisher = NewOwner();
        using (var seed = System.Directory.ImportListings(Tokens.As(publisher)))
        {
            foreach (var listing in originals) await seed.RequestStream.WriteAsync(new ImportListingsRequest { Listing = listing });
            await seed.RequestStream.CompleteAsync();
            Assert.Equal(originals.Count, (await seed).Imported);
        }
        var near = new SearchListingsRequest { Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 1 } };

        var records = await ExportAllAsync(near, pageSize: 7);
        var (_, summary) = await ImportAsync("importer-" + publisher, records);

        Assert.Equal(originals.Count, records.Count);
        Assert.Equal(originals.Count, summary.Imported);
        Assert.Empty(summary.Errors);
        var all = (await System.Directory.SearchListingsAsync(new SearchListingsRequest { Near = near.Near, PageSize = 100 })).Results.Select(r => r.Listing).ToList();
        var imported = all.Where(l => l.OwnerId == "importer-" + publisher).Select(Listings.ClientFields).OrderBy(l => l.DisplayName + l.Bio).ToList();
        var stored = all.Where(l => l.OwnerId == publisher).Select(Listings.ClientFields).OrderBy(l => l.DisplayName + l.Bio).ToList();
        Assert.Equal(stored, imported);
    }

    [Fact]
    public async Task Bad_records_are_reported_with_position_and_reason_and_good_ones_still_import()
    {
        var (lat, lon) = UniquePlace();
        var good = await ExportOneAsync(Samples.Naturopath("Good " + Guid.NewGuid().ToString("N")[..6], lat, lon));
        var badOrientation = good.Replace("ORIENTATION_NATURE_ORIENTED", "ORIENTATION_SOMETIMES");
        var owner = NewOwner();

        var (progress, summary) = await ImportAsync(owner, [good, "{ not json", badOrientation, WithoutName(good), good]);

        Assert.Equal(5, summary.Received);
        Assert.Equal(2, summary.Imported);
        Assert.Equal(3, summary.Rejected);
        Assert.Equal([1, 2, 3], summary.Errors.Select(e => e.Index));
        Assert.StartsWith("json:", summary.Errors[0].Reason);
        Assert.Contains("ORIENTATION_SOMETIMES", summary.Errors[1].Reason);
        Assert.StartsWith("service.name:", summary.Errors[2].Reason);
        var batch = Assert.Single(progress);
        Assert.Equal((5, 2, 3), (batch.Received, batch.Imported, batch.Rejected));
        Assert.Equal(summary.Errors, batch.Errors);
        var mine = (await System.Directory.SearchListingsAsync(new SearchListingsRequest { Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 1 } }))
            .Results.Where(r => r.Listing.OwnerId == owner).ToList();
        Assert.Equal(2, mine.Count);
    }

    [Fact]
    public async Task A_multi_batch_import_reports_growing_progress_with_each_batchs_bad_records_before_the_summary()
    {
        const int Records = 1_100; // three batches of at most 500
        var (lat, lon) = UniquePlace();
        var now = NodaTime.SystemClock.Instance.GetCurrentInstant();
        var records = SyntheticListings.Generate(Records, seed: 11).Select((listing, i) =>
        {
            listing.Id = Guid.CreateVersion7().ToString("N");
            foreach (var place in listing.Locations) (place.Lat, place.Lon) = (lat, lon);
            return HsdsJson.Write(HsdsMapper.ToHsds(listing, null, ModalityTaxonomy.Default, now));
        }).ToArray();
        int[] bad = [3, 499, 500, 777, 1_099];
        foreach (var i in bad) records[i] = i % 2 == 0 ? "{ not json" : WithoutName(records[i]);
        var owner = NewOwner();

        var (progress, summary) = await ImportAsync(owner, records);

        Assert.Equal([500, 1_000, 1_100], progress.Select(p => p.Received));
        Assert.Equal([498, 996, 1_095], progress.Select(p => p.Imported));
        Assert.Equal([2, 4, 5], progress.Select(p => p.Rejected));
        Assert.Equal([[3, 499], [500, 777], [1_099]], progress.Select(p => p.Errors.Select(e => e.Index).ToArray()));
        Assert.All(progress.SelectMany(p => p.Errors), e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.Equal((Records, Records - bad.Length, bad.Length), (summary.Received, summary.Imported, summary.Rejected));
        Assert.Equal(bad, summary.Errors.Select(e => e.Index));
        Assert.Equal(progress.SelectMany(p => p.Errors), summary.Errors);
    }

    [Fact]
    public async Task Import_needs_a_signed_in_caller()
    {
        using var call = Interop.ImportHsds();
        await call.RequestStream.CompleteAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Fhir_export_of_a_listing_with_hours_has_nucc_codes_position_and_free_slots()
    {
        var owner = NewOwner();
        var listing = await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));
        await OpenEveryDayAsync(listing.Id, owner);

        var json = (await Interop.ExportFhirAsync(new ExportFhirRequest { ListingId = listing.Id })).BundleJson;

        var bundle = FhirJson.Read<Hl7.Fhir.Model.Bundle>(json);
        Assert.Equal(json, FhirJson.Write(bundle));
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        var role = Assert.Single(resources.OfType<Hl7.Fhir.Model.PractitionerRole>());
        Assert.Contains(role.Specialty.SelectMany(c => c.Coding), c => c.System == FhirSystems.Nucc && c.Code == "175F00000X");
        Assert.Equal(7, role.AvailableTime.Count);
        Assert.Equal((decimal)Samples.PortlandLat, Assert.Single(resources.OfType<Hl7.Fhir.Model.Location>()).Position!.Latitude);
        Assert.InRange(resources.OfType<Hl7.Fhir.Model.Slot>().Count(), 13 * 2, 15 * 2);
    }

    [Fact]
    public async Task Fhir_export_of_a_listing_without_region_or_postal_code_has_no_empty_strings()
    {
        var sample = Samples.Naturopath();
        sample.Bio = "";
        sample.Locations[0].Region = "";
        sample.Locations[0].PostalCode = "";
        var listing = await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = sample }, Tokens.As(NewOwner()));

        var json = (await Interop.ExportFhirAsync(new ExportFhirRequest { ListingId = listing.Id })).BundleJson;

        Assert.Empty(Domain.EmptyStrings.In(json));
        Assert.DoesNotContain("\"\"", json);
    }

    [Fact]
    public async Task Fhir_export_of_a_full_practice_is_an_active_role_not_accepting_new_patients()
    {
        var sample = Samples.Naturopath();
        sample.AcceptingNewClients = false;
        var listing = await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = sample }, Tokens.As(NewOwner()));

        var json = (await Interop.ExportFhirAsync(new ExportFhirRequest { ListingId = listing.Id })).BundleJson;

        // As a FHIR directory client reads it: active=false said the role was no longer in use.
        var role = JsonNode.Parse(json)!["entry"]!.AsArray().Select(e => e!["resource"]!)
            .Single(r => (string?)r["resourceType"] == "PractitionerRole");
        Assert.True((bool)role["active"]!);
        var newPatients = role["extension"]!.AsArray()
            .Single(e => (string?)e!["url"] == "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients")!;
        var acceptingPatients = newPatients["extension"]!.AsArray().Single(e => (string?)e!["url"] == "acceptingPatients")!;
        var coding = acceptingPatients["valueCodeableConcept"]!["coding"]!.AsArray().Single()!;
        Assert.Equal("http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS", (string?)coding["system"]);
        Assert.Equal("nopt", (string?)coding["code"]);
    }

    [Fact]
    public async Task Fhir_export_of_an_unknown_listing_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Interop.ExportFhirAsync(new ExportFhirRequest { ListingId = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Calendar_feed_of_a_listing_with_no_hours_is_a_valid_calendar_with_its_time_zone()
    {
        var listing = await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(NewOwner()));
        using var http = System.DirectoryHost.CreateClient();

        var text = await http.GetStringAsync($"/feeds/listings/{listing.Id}.ics");

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Empty(calendar.Events);
        Assert.Equal(listing.TimeZone, Assert.Single(calendar.TimeZones).TzId);
        // RFC 5545 section 3.6: a calendar has at least one component between its BEGIN and END.
        Assert.Matches("BEGIN:VCALENDAR[\\s\\S]*BEGIN:V(TIMEZONE|EVENT)[\\s\\S]*END:VCALENDAR", text);
    }

    [Theory]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/Sao_Paulo")]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    public async Task Calendar_feed_and_export_describe_the_listings_zone_as_the_time_zone_database_does(string timeZone)
    {
        // QA: the feed of a listing in Kolkata said +06:30 became +05:30 every October, one in Sao Paulo
        // that DST ended every February; neither zone has changed its offset in years.
        var owner = NewOwner();
        var sample = Samples.Naturopath();
        sample.TimeZone = timeZone;
        var listing = await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = sample }, Tokens.As(owner));
        await OpenEveryDayAsync(listing.Id, owner);
        using var http = System.DirectoryHost.CreateClient();

        var feed = Ical.Net.Calendar.Load(await http.GetStringAsync($"/feeds/listings/{listing.Id}.ics"))!;
        var export = Ical.Net.Calendar.Load((await System.Availability.ExportCalendarAsync(
            new ExportCalendarRequest { ListingId = listing.Id, Days = 92 }, Tokens.As(owner))).Ics)!;

        foreach (var calendar in new[] { feed, export })
        {
            Assert.NotEmpty(calendar.Events);
            var last = NodaTime.Instant.FromDateTimeUtc(calendar.Events.Max(e => e.DtEnd!.AsUtc));
            ZoneOffsets.AssertTrue(calendar, timeZone, NodaTime.SystemClock.Instance.GetCurrentInstant(), last);
        }
    }

    [Fact]
    public async Task Calendar_feed_is_public_icalendar_of_open_hours_without_bookings_or_clients()
    {
        var owner = NewOwner();
        var listing = await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(owner));
        await OpenEveryDayAsync(listing.Id, owner);
        var first = (await System.Availability.ListOpenSlotsAsync(new ListOpenSlotsRequest { ListingId = listing.Id, PageSize = 1 })).Slots.Single();
        var hold = await System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = first.StartTime }, Tokens.As("client-secret-name"));
        await System.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, Tokens.As("client-secret-name"));
        using var http = System.DirectoryHost.CreateClient();

        using var response = await http.GetAsync($"/feeds/listings/{listing.Id}.ics");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("client-secret-name", text);
        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.InRange(calendar.Events.Count, 27 * 2 - 1, 29 * 2);
        Assert.All(calendar.Events, e => Assert.StartsWith("Open:", e.Summary));
        Assert.DoesNotContain(calendar.Events, e => e.DtStart!.AsUtc == first.StartTime.ToDateTime());
        Assert.Equal(global::System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/feeds/listings/unknown.ics")).StatusCode);
    }

    [Fact]
    public async Task Calendar_feed_answers_head_with_the_headers_of_get_and_no_body()
    {
        // Calendar applications and link checkers send HEAD before subscribing; it was 405.
        var listing = await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(NewOwner()));
        var url = $"/feeds/listings/{listing.Id}.ics";
        using var http = System.DirectoryHost.CreateClient();
        using var get = await http.GetAsync(url);

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(global::System.Net.HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", head.Content.Headers.ContentType!.ToString());
        Assert.Equal("public, max-age=300", head.Headers.CacheControl!.ToString());
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var unknown = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/feeds/listings/unknown.ics"));
        Assert.Equal(global::System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Export_errors_in_the_search_name_the_field_under_search()
    {
        var badLat = await RpcAssert.InvalidField("search.near.lat", async () => await Interop.ExportHsdsAsync(new ExportHsdsRequest
        {
            Search = new SearchListingsRequest { Near = new GeoRadius { Lat = 100, Lon = 0, RadiusKm = 1 } },
        }));
        var badOrder = await RpcAssert.InvalidField("search.order_by", async () => await Interop.ExportHsdsAsync(new ExportHsdsRequest
        {
            Search = new SearchListingsRequest { OrderBy = SearchOrder.Distance },
        }));
        await RpcAssert.InvalidField("page_size", async () => await Interop.ExportHsdsAsync(new ExportHsdsRequest { PageSize = 101 }));

        Assert.DoesNotContain(badLat.FieldViolations, v => v.Field == "near.lat");
        Assert.DoesNotContain(badOrder.FieldViolations, v => v.Field == "order_by");
    }

    [Fact]
    public async Task An_export_honours_the_searchs_page_size_and_refuses_a_conflicting_one()
    {
        var (lat, lon) = UniquePlace();
        var owner = NewOwner();
        for (var i = 0; i < 3; i++)
            await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath($"Paged {i}", lat, lon) }, Tokens.As(owner));
        var search = new SearchListingsRequest { Near = new GeoRadius { Lat = lat, Lon = lon, RadiusKm = 1 }, PageSize = 2 };

        var page = await Interop.ExportHsdsAsync(new ExportHsdsRequest { Search = search });

        Assert.Equal(2, JsonNode.Parse(page.Json)!.AsArray().Count);
        Assert.NotEmpty(page.NextPageToken);
        await RpcAssert.InvalidField("search.page_size", async () =>
            await Interop.ExportHsdsAsync(new ExportHsdsRequest { Search = search, PageSize = 3 }));
    }

    [Fact]
    public async Task An_imported_record_with_a_wrongly_typed_amount_is_refused_in_json_terms()
    {
        var (lat, lon) = UniquePlace();
        var record = JsonNode.Parse(await ExportOneAsync(Samples.Naturopath("Typed " + Guid.NewGuid().ToString("N")[..6], lat, lon)))!;
        record["cost_options"]![0]!["amount"] = "ninety";

        var (_, summary) = await ImportAsync(NewOwner(), [record.ToJsonString()]);

        var error = Assert.Single(summary.Errors);
        Assert.StartsWith("json: $.cost_options[0].amount", error.Reason);
        Assert.DoesNotContain("System.", error.Reason);
        Assert.DoesNotContain("HealingNetwork.", error.Reason);
    }

    /// <summary>Two one-hour sessions a day, 10:00 and 11:00 local, every day.</summary>
    private async Task OpenEveryDayAsync(string listingId, string owner)
    {
        var request = new SetWeeklyAvailabilityRequest { ListingId = listingId, SessionMinutes = 60 };
        for (var day = Weekday.Monday; day <= Weekday.Sunday; day++)
            request.Windows.Add(new WeeklyWindow { Weekday = day, Start = "10:00", End = "12:00", LocationIndex = 0 });
        await System.Availability.SetWeeklyAvailabilityAsync(request, Tokens.As(owner));
    }

    private async Task<string> ExportOneAsync(Listing listing)
    {
        var owner = NewOwner();
        var created = await System.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As(owner));
        var page = await Interop.ExportHsdsAsync(new ExportHsdsRequest
        {
            Search = new SearchListingsRequest { Near = new GeoRadius { Lat = listing.Locations[0].Lat, Lon = listing.Locations[0].Lon, RadiusKm = 1 } },
        });
        return JsonNode.Parse(page.Json)!.AsArray().Single(n => (string?)n!["name"] == created.DisplayName)!.ToJsonString();
    }
}

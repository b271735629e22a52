using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Api;

[Collection(MatchingSystemCollection.Name)]
public sealed class FindMatchesTests(MatchingSystem fixture)
{
    private TestSystem System => fixture.System;

    private Task<FindMatchesResponse> FindAsync(World world, FindMatchesRequest request) =>
        System.Matching.FindMatchesAsync(request, Tokens.As(world.Client)).ResponseAsync;

    [Fact]
    public async Task The_nearby_naturopath_is_matched_with_all_seven_components_explained()
    {
        var world = new World(System);
        var listing = await world.AddAsync(world.Naturopath("Maya Okafor, ND"));
        var profile = await world.ClientAsync();

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        var match = Assert.Single(response.Matches);
        Assert.Equal(listing.Id, match.Listing.Id);
        Assert.Equal(1, match.Rank);
        Assert.Equal(["lifestyle", "modality", "distance", "terms", "availability", "approach", "freshness"], match.Components.Select(c => c.Name));
        Assert.All(match.Components, c => Assert.InRange(c.RawValue, 0, 1));
        Assert.Equal(1.0, match.Components.Sum(c => c.Weight), 9);
        Assert.Equal(match.Score, match.Components.Sum(c => c.Contribution), 9);
        Assert.InRange(match.DistanceKm, 0.9, 1.1);
        Assert.Contains("Sliding scale from $40 fits your $50 budget", match.Reasons);
        Assert.Contains("Offers naturopathy, which you are looking for", match.Reasons);
        Assert.Equal(1, response.CandidatesConsidered);
        Assert.Equal(profile.Version, response.ProfileVersion);
        Assert.False(response.Cached);
    }

    [Fact]
    public async Task Each_match_carries_its_listings_earliest_open_slot_and_sooner_availability_scores_higher()
    {
        // Candidates come with their earliest slots in the search response (include_earliest_slot):
        // the slot a match shows is the one GetEarliestSlots gives, and it feeds the availability component.
        var world = new World(System);
        var open = await world.AddAsync(world.Naturopath("Open this week", km: 1));
        var closed = await world.AddAsync(world.Naturopath("No published hours", km: 1.2));
        var hours = new SetWeeklyAvailabilityRequest { ListingId = open.Id, SessionMinutes = 60 };
        for (var day = Weekday.Monday; day <= Weekday.Sunday; day++)
            hours.Windows.Add(new WeeklyWindow { Weekday = day, Start = "08:00", End = "20:00", LocationIndex = 0 });
        await System.Availability.SetWeeklyAvailabilityAsync(hours, Tokens.As(world.Practitioner));
        var profile = await world.ClientAsync();

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });
        var earliest = (await System.Availability.GetEarliestSlotsAsync(new GetEarliestSlotsRequest { ListingIds = { open.Id, closed.Id } })).Earliest;

        var withHours = Assert.Single(response.Matches, m => m.Listing.Id == open.Id);
        var without = Assert.Single(response.Matches, m => m.Listing.Id == closed.Id);
        Assert.Equal(earliest[open.Id].StartTime, withHours.EarliestSlot);
        Assert.Null(without.EarliestSlot);
        double Availability(Match m) => m.Components.Single(c => c.Name == "availability").RawValue;
        Assert.True(Availability(withHours) > Availability(without));
    }

    [Fact]
    public async Task A_practitioner_whose_sessions_are_free_is_scored_as_within_the_clients_budget()
    {
        var world = new World(System);
        var free = world.Naturopath("Free clinic");
        free.Terms = new ExchangeTerms { Currency = "USD", FeeMin = 0, FeeMax = 0 };
        free = await world.AddAsync(free);
        var profile = await world.ClientAsync(); // a $50 budget

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        var match = Assert.Single(response.Matches);
        Assert.Equal(free.Id, match.Listing.Id);
        var terms = match.Components.Single(c => c.Name == "terms");
        Assert.Equal(1.0, terms.RawValue, 9);
        Assert.Equal("fee within budget", terms.Explanation);
        Assert.Contains("Sessions are free, within your $50 budget", match.Reasons);
        Assert.DoesNotContain("Terms beyond what you said you can give", match.Reasons);
    }

    [Fact]
    public async Task A_query_with_no_words_to_search_for_is_invalid_argument_on_filters_query()
    {
        // The Directory's analyzer decides; the refusal names the field as the caller sent it.
        var world = new World(System);
        var profile = await world.ClientAsync();

        await RpcAssert.InvalidField("filters.query", () => FindAsync(world,
            new FindMatchesRequest { ProfileId = profile.Id, Filters = new MatchFilters { Query = "the (((" } }));
    }

    [Fact]
    public async Task A_practitioner_already_on_the_clients_care_team_is_not_offered_again_as_a_match()
    {
        // A match is a new partner; the client's own naturopath filled the first place of the page.
        var world = new World(System);
        var own = await world.AddAsync(world.Naturopath("My own naturopath", km: 0.5));
        var other = await world.AddAsync(world.Naturopath("Another naturopath", km: 2));
        var profile = await world.ClientAsync();
        await world.AddToCareTeamAsync(profile, own);

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        Assert.Equal([other.Id], response.Matches.Select(m => m.Listing.Id));
        Assert.Equal(1, response.CandidatesConsidered);
    }

    [Fact]
    public async Task A_client_who_wrote_pt_BR_is_matched_with_a_practitioner_who_wrote_pt()
    {
        // "No shared language" is a hard filter: comparing whole tags left this client with no match at all.
        var world = new World(System);
        var portuguese = world.Naturopath("Clínica da Estrela");
        portuguese.Languages.Clear();
        portuguese.Languages.Add("pt");
        portuguese = await world.AddAsync(portuguese);
        var client = world.NatureClient();
        client.Languages.Clear();
        client.Languages.Add("pt-BR");
        var profile = await world.ClientAsync(client);

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        var match = Assert.Single(response.Matches);
        Assert.Equal(portuguese.Id, match.Listing.Id);
        Assert.Equal(["pt"], match.Listing.Languages);
    }

    [Fact]
    public async Task A_fully_booked_practitioner_ranks_below_one_with_a_late_opening_and_says_nothing_is_open()
    {
        // Both see clients once a week, on the weekday before today's (so the fourth session falls
        // about 27 days ahead, still within the 28 days matching looks at): one has every session of
        // the next four weeks booked, the other all but the last.
        var world = new World(System);
        var bookedOut = await world.AddAsync(world.Naturopath("Fully booked", km: 1));
        var late = await world.AddAsync(world.Naturopath("Opening in four weeks", km: 1));
        foreach (var listing in new[] { bookedOut, late })
        {
            var hours = new SetWeeklyAvailabilityRequest { ListingId = listing.Id, SessionMinutes = 60 };
            hours.Windows.Add(new WeeklyWindow { Weekday = WeekdayBeforeTodayIn(listing.TimeZone), Start = "09:00", End = "10:00", LocationIndex = 0 });
            await System.Availability.SetWeeklyAvailabilityAsync(hours, Tokens.As(world.Practitioner));
        }
        var sessions = await OpenSessionsAsync(bookedOut.Id, days: 28);
        Assert.Equal(4, sessions.Count);
        foreach (var slot in sessions) await BookAsync(slot);
        foreach (var slot in (await OpenSessionsAsync(late.Id, days: 28)).SkipLast(1)) await BookAsync(slot);
        var profile = await world.ClientAsync();

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        Assert.Equal([late.Id, bookedOut.Id], response.Matches.Select(m => m.Listing.Id));
        var full = response.Matches[1];
        Assert.Null(full.EarliestSlot);
        Assert.Equal(0, full.Components.Single(c => c.Name == "availability").RawValue, 9);
        Assert.Equal("no open slot in the next 28 days", AvailabilityExplanation(full));
        Assert.Contains("No open session in the next 28 days", full.Reasons);
        Assert.StartsWith("first open slot in 2", AvailabilityExplanation(response.Matches[0]));
    }

    private static Weekday WeekdayBeforeTodayIn(string timeZone)
    {
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).AddDays(-1).DayOfWeek;
        return yesterday == DayOfWeek.Sunday ? Weekday.Sunday : (Weekday)(int)yesterday;
    }

    private async Task<IReadOnlyList<Slot>> OpenSessionsAsync(string listingId, int days) =>
        (await System.Availability.ListOpenSlotsAsync(new ListOpenSlotsRequest
        {
            ListingId = listingId,
            PageSize = 100,
            EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(days)),
        })).Slots;

    private async Task BookAsync(Slot slot)
    {
        var someone = Tokens.As("client-" + Guid.NewGuid().ToString("N")[..8]);
        var hold = await System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = slot.ListingId, StartTime = slot.StartTime }, someone);
        await System.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, someone);
    }

    [Fact]
    public async Task The_same_call_again_is_served_from_the_cache_with_the_same_matches()
    {
        var world = new World(System);
        await world.AddAsync(world.Naturopath("Maya Okafor, ND"));
        var profile = await world.ClientAsync();
        var request = new FindMatchesRequest { ProfileId = profile.Id, PageSize = 5 };

        var first = await FindAsync(world, request);
        var second = await FindAsync(world, request);

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        second.Cached = false;
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_cache_keeps_each_answer_compressed_and_decodes_it_to_the_exact_encoding()
    {
        var world = new World(System);
        for (var i = 0; i < 12; i++) await world.AddAsync(world.Naturopath($"Practitioner {i}", km: 1 + i));
        var profile = await world.ClientAsync();

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id, PageSize = 12 });

        var entries = await System.Store.Connection.GetDatabase().HashGetAllAsync(ServiceDefaults.Storage.SharedKeys.MatchCache(profile.Id));
        var stored = (byte[])Assert.Single(entries).Value!;
        var db = System.Store.Connection.GetDatabase();
        var generation = new Matching.Storage.CacheGeneration(
            (long)await db.StringGetAsync(ServiceDefaults.Storage.SharedKeys.DirectorySequence),
            (long)await db.StringGetAsync(ServiceDefaults.Storage.SharedKeys.AvailabilityGeneration));
        Assert.Equal(Google.Protobuf.MessageExtensions.ToByteArray(response), Matching.Storage.MatchCache.Decode(stored, response.ProfileVersion, generation));
        Assert.True(stored.Length * 3 < response.CalculateSize(), $"stored {stored.Length} B for a {response.CalculateSize()} B answer");
    }

    [Fact]
    public void A_stored_value_answers_only_for_the_version_and_generations_it_was_made_from()
    {
        var answer = Google.Protobuf.MessageExtensions.ToByteArray(new FindMatchesResponse { CandidatesConsidered = 3, ProfileVersion = 7 });
        var made = new Matching.Storage.CacheGeneration(DirectorySequence: 42, Availability: 5);
        var stored = Matching.Storage.MatchCache.Encode(answer, profileVersion: 7, made);

        Assert.Equal(answer, Matching.Storage.MatchCache.Decode(stored, 7, made));
        Assert.Equal([.. answer, 0x70, 0x01], Matching.Storage.MatchCache.Decode(stored, 7, made, [0x70, 0x01])); // a trailer after the answer
        Assert.Equal(answer, new Matching.Storage.CacheLookup(new(7, "owner"), made, stored).Answer());
        Assert.Null(new Matching.Storage.CacheLookup(null, made, stored).Answer()); // no profile
        Assert.Null(new Matching.Storage.CacheLookup(new(7, "owner"), made, null).Answer()); // no entry
        Assert.Null(Matching.Storage.MatchCache.Decode(stored, 8, made)); // the profile changed since
        Assert.Null(Matching.Storage.MatchCache.Decode(stored, 7, made with { DirectorySequence = 43 })); // a listing changed since
        Assert.Null(Matching.Storage.MatchCache.Decode(stored, 7, made with { Availability = 6 })); // hours or a booking changed since
        Assert.Null(Matching.Storage.MatchCache.Decode(answer, 7, made)); // not an encoded entry
        Assert.Null(Matching.Storage.MatchCache.Decode(stored[..(stored.Length / 2)], 7, made)); // cut short
        Assert.Null(Matching.Storage.MatchCache.Decode([1, 2], 7, made));
        var wrongLength = (byte[])stored.Clone();
        wrongLength[24]++;
        Assert.Null(Matching.Storage.MatchCache.Decode(wrongLength, 7, made));
    }

    [Fact]
    public async Task Over_rest_the_fresh_and_the_cached_answer_are_whole_and_equal_to_the_grpc_one()
    {
        // gRPC callers get FindMatches written from the cached encoding; REST (JSON transcoding)
        // reads the message, so it must still get a whole answer both times.
        var world = new World(System);
        await world.AddAsync(world.Naturopath("Maya Okafor, ND"));
        var profile = await world.ClientAsync();
        using var http = System.MatchingHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(world.Client));
        async Task<FindMatchesResponse> RestAsync()
        {
            var reply = await http.PostAsync($"/v1/profiles/{profile.Id}:match", new StringContent("{\"pageSize\":5}", global::System.Text.Encoding.UTF8, "application/json"));
            reply.EnsureSuccessStatusCode();
            return Google.Protobuf.JsonParser.Default.Parse<FindMatchesResponse>(await reply.Content.ReadAsStringAsync());
        }

        var first = await RestAsync();
        var second = await RestAsync();
        var viaGrpc = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id, PageSize = 5 });

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.True(viaGrpc.Cached);
        Assert.Equal(second, viaGrpc);
        second.Cached = false;
        Assert.Equal(first, second);
        Assert.False(string.IsNullOrEmpty(Assert.Single(first.Matches).Listing.Bio));
    }

    [Fact]
    public async Task Over_rest_text_for_the_page_size_is_a_400_naming_the_field()
    {
        using var http = System.MatchingHost.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For("rest-client"));

        var reply = await http.PostAsync("/v1/profiles/p1:match", new StringContent("{\"pageSize\":\"five\"}", global::System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(global::System.Net.HttpStatusCode.BadRequest, reply.StatusCode);
        var body = await reply.Content.ReadAsStringAsync();
        Assert.Contains("\"field\":\"page_size\"", body);
        Assert.DoesNotContain("Request JSON payload", body);
    }

    [Fact]
    public async Task A_listing_update_invalidates_the_cached_matches()
    {
        var (world, listing, request) = await CachedAnswerWithListingAsync();

        listing.DisplayName = "Maya Okafor, ND, LAc";
        await System.Directory.UpdateListingAsync(
            new UpdateListingRequest { Listing = listing, UpdateMask = FieldMask.FromString("display_name") }, Tokens.As(world.Practitioner));
        var after = await FindAsync(world, request);

        Assert.False(after.Cached);
        Assert.Equal("Maya Okafor, ND, LAc", Assert.Single(after.Matches).Listing.DisplayName);
    }

    [Fact]
    public async Task Publishing_weekly_hours_invalidates_the_cached_no_published_hours_answer()
    {
        var (world, listing, request) = await CachedAnswerWithListingAsync();
        Assert.Equal("no published hours", AvailabilityExplanation(Assert.Single((await FindAsync(world, request)).Matches)));

        await System.Availability.SetWeeklyAvailabilityAsync(AllWeek(listing.Id), Tokens.As(world.Practitioner));
        var after = await FindAsync(world, request);

        Assert.False(after.Cached);
        var match = Assert.Single(after.Matches);
        Assert.NotNull(match.EarliestSlot);
        Assert.StartsWith("first open slot", AvailabilityExplanation(match));
        Assert.True((await FindAsync(world, request)).Cached); // cached again, at the new generation
    }

    [Fact]
    public async Task Another_clients_booking_of_the_earliest_slot_invalidates_the_cached_matches()
    {
        var world = new World(System);
        var listing = await world.AddAsync(world.Naturopath("Maya Okafor, ND"));
        await System.Availability.SetWeeklyAvailabilityAsync(AllWeek(listing.Id), Tokens.As(world.Practitioner));
        var profile = await world.ClientAsync();
        var request = new FindMatchesRequest { ProfileId = profile.Id };
        var before = Assert.Single((await FindAsync(world, request)).Matches).EarliestSlot;
        Assert.True((await FindAsync(world, request)).Cached);

        var someoneElse = Tokens.As("client-" + Guid.NewGuid().ToString("N")[..8]);
        var hold = await System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = before }, someoneElse);
        var booking = await System.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, someoneElse);
        var afterBooking = await FindAsync(world, request);

        Assert.False(afterBooking.Cached);
        Assert.True(Assert.Single(afterBooking.Matches).EarliestSlot.ToDateTimeOffset() > before.ToDateTimeOffset());

        Assert.True((await FindAsync(world, request)).Cached);
        await System.Availability.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.BookingId }, someoneElse);
        var afterCancel = await FindAsync(world, request);

        Assert.False(afterCancel.Cached);
        Assert.Equal(before, Assert.Single(afterCancel.Matches).EarliestSlot);
    }

    [Fact]
    public async Task A_booking_that_leaves_every_earliest_slot_as_it_was_keeps_the_cached_matches()
    {
        var world = new World(System);
        var listing = await world.AddAsync(world.Naturopath("Maya Okafor, ND"));
        await System.Availability.SetWeeklyAvailabilityAsync(AllWeek(listing.Id), Tokens.As(world.Practitioner));
        var profile = await world.ClientAsync();
        var request = new FindMatchesRequest { ProfileId = profile.Id };
        var earliest = Assert.Single((await FindAsync(world, request)).Matches).EarliestSlot;
        Assert.True((await FindAsync(world, request)).Cached);

        // The next open slot after the earliest: booking it leaves the earliest as it was.
        var open = await System.Availability.ListOpenSlotsAsync(new ListOpenSlotsRequest { ListingId = listing.Id, PageSize = 2 });
        Assert.Equal(earliest, open.Slots[0].StartTime);
        var later = open.Slots[1].StartTime;
        var someoneElse = Tokens.As("client-" + Guid.NewGuid().ToString("N")[..8]);
        var hold = await System.Availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = later }, someoneElse);
        var booking = await System.Availability.ConfirmBookingAsync(new ConfirmBookingRequest { HoldId = hold.HoldId }, someoneElse);
        var afterBooking = await FindAsync(world, request);
        await System.Availability.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.BookingId }, someoneElse);
        var afterCancel = await FindAsync(world, request);

        Assert.True(afterBooking.Cached);
        Assert.True(afterCancel.Cached);
        Assert.Equal(earliest, Assert.Single(afterCancel.Matches).EarliestSlot);
    }

    private static string AvailabilityExplanation(Match match) => match.Components.Single(c => c.Name == "availability").Explanation;

    /// <summary>Open 08:00-20:00 every day at the listing's first location, hour-long sessions.</summary>
    private static SetWeeklyAvailabilityRequest AllWeek(string listingId)
    {
        var hours = new SetWeeklyAvailabilityRequest { ListingId = listingId, SessionMinutes = 60 };
        for (var day = Weekday.Monday; day <= Weekday.Sunday; day++)
            hours.Windows.Add(new WeeklyWindow { Weekday = day, Start = "08:00", End = "20:00", LocationIndex = 0 });
        return hours;
    }

    /// <summary>A client with one naturopath nearby (no published hours) whose FindMatches answer is now cached.</summary>
    private async Task<(World World, Listing Listing, FindMatchesRequest Request)> CachedAnswerWithListingAsync()
    {
        var world = new World(System);
        var listing = await world.AddAsync(world.Naturopath("Maya Okafor, ND"));
        var profile = await world.ClientAsync();
        var request = new FindMatchesRequest { ProfileId = profile.Id };
        await FindAsync(world, request);
        Assert.True((await FindAsync(world, request)).Cached);
        return (world, listing, request);
    }

    /// <summary>A client with one naturopath nearby whose FindMatches answer is now cached.</summary>
    private async Task<(World World, Profile Profile, FindMatchesRequest Request)> CachedAnswerAsync()
    {
        var world = new World(System);
        await world.AddAsync(world.Naturopath("Maya Okafor, ND"));
        var profile = await world.ClientAsync();
        var request = new FindMatchesRequest { ProfileId = profile.Id };
        await FindAsync(world, request);
        Assert.True((await FindAsync(world, request)).Cached);
        return (world, profile, request);
    }

    [Fact]
    public async Task A_profile_update_invalidates_the_cached_matches()
    {
        var (world, profile, request) = await CachedAnswerAsync();

        profile.Weights = new MatchWeights { Distance = 9 };
        var updated = await System.Profiles.UpdateProfileAsync(
            new UpdateProfileRequest { Profile = profile, UpdateMask = FieldMask.FromString("weights") }, Tokens.As(world.Client));
        var after = await FindAsync(world, request);

        Assert.False(after.Cached);
        Assert.Equal(updated.Version, after.ProfileVersion);
        Assert.Equal(9 / 20.0, after.WeightsUsed.Distance, 9);
        // The new answer took the stale one's place: one entry per request, not one per version.
        Assert.Single(await System.Store.Connection.GetDatabase().HashKeysAsync(ServiceDefaults.Storage.SharedKeys.MatchCache(profile.Id)));
        Assert.True((await FindAsync(world, request)).Cached);
    }

    [Fact]
    public async Task Changing_the_weights_for_one_call_changes_the_ranking()
    {
        var world = new World(System);
        var kindred = await world.AddAsync(world.Naturopath("Kindred spirit, ND", km: 20));
        var nearby = world.Naturopath("Next door, ND", km: 0.5);
        nearby.Orientation = Orientation.Conventional;
        nearby.LifestyleTags.Clear();
        nearby = await world.AddAsync(nearby);
        var profile = await world.ClientAsync();

        var byDefault = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });
        var byDistance = await FindAsync(world, new FindMatchesRequest
        {
            ProfileId = profile.Id,
            Weights = new MatchWeights { Distance = 10, Lifestyle = 0 },
        });

        Assert.Equal([kindred.Id, nearby.Id], byDefault.Matches.Select(m => m.Listing.Id));
        Assert.Equal([nearby.Id, kindred.Id], byDistance.Matches.Select(m => m.Listing.Id));
        Assert.Equal(0, byDistance.WeightsUsed.Lifestyle);
        Assert.Equal(0, byDistance.Matches[0].Components.Single(c => c.Name == "lifestyle").Contribution);
    }

    [Fact]
    public async Task Someone_elses_profile_is_not_found()
    {
        var world = new World(System);
        var profile = await world.ClientAsync();

        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            System.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = profile.Id }, Tokens.As("someone-else")).ResponseAsync);
    }

    [Fact]
    public async Task Someone_elses_profile_is_not_found_even_when_the_same_request_is_cached()
    {
        // The cached answer is found from the profile's stored owner and version, without asking
        // Profiles: the owner must still be checked on that path.
        var (_, _, request) = await CachedAnswerAsync();

        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            System.Matching.FindMatchesAsync(request, Tokens.As("someone-else")).ResponseAsync);
    }

    [Fact]
    public async Task A_deleted_profile_is_not_found_though_its_matches_were_cached()
    {
        var (world, profile, request) = await CachedAnswerAsync();

        await System.Profiles.DeleteProfileAsync(new DeleteProfileRequest { Id = profile.Id }, Tokens.As(world.Client));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => FindAsync(world, request));
    }

    [Fact]
    public async Task Without_a_token_the_call_is_unauthenticated()
    {
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () =>
            System.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = "any" }).ResponseAsync);
    }

    [Theory]
    [InlineData(101, "page_size")]
    [InlineData(-1, "page_size")]
    public async Task A_page_size_out_of_range_is_an_invalid_argument_naming_the_field(int pageSize, string field)
    {
        await RpcAssert.InvalidField(field, () =>
            System.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = "p", PageSize = pageSize }, Tokens.As("anyone")).ResponseAsync);
    }

    [Fact]
    public async Task Weights_out_of_range_are_an_invalid_argument_naming_each_field()
    {
        var request = new FindMatchesRequest { ProfileId = "p", Weights = new MatchWeights { Distance = -1, Terms = 11 } };

        await RpcAssert.InvalidField("weights.distance", () => System.Matching.FindMatchesAsync(request, Tokens.As("anyone")).ResponseAsync);
        await RpcAssert.InvalidField("weights.terms", () => System.Matching.FindMatchesAsync(request, Tokens.As("anyone")).ResponseAsync);
    }

    [Fact]
    public async Task Missing_profile_id_and_bad_filters_are_named()
    {
        var request = new FindMatchesRequest { Filters = new MatchFilters { MaxTravelKm = -5, Query = new string('x', 201) } };

        await RpcAssert.InvalidField("profile_id", () => System.Matching.FindMatchesAsync(request, Tokens.As("anyone")).ResponseAsync);
        await RpcAssert.InvalidField("filters.max_travel_km", () => System.Matching.FindMatchesAsync(request, Tokens.As("anyone")).ResponseAsync);
        await RpcAssert.InvalidField("filters.query", () => System.Matching.FindMatchesAsync(request, Tokens.As("anyone")).ResponseAsync);
    }

    [Fact]
    public async Task An_unknown_modality_in_the_filters_is_named_as_the_caller_sent_it()
    {
        var world = new World(System);
        var profile = await world.ClientAsync();
        var request = new FindMatchesRequest { ProfileId = profile.Id, Filters = new MatchFilters { Modalities = { "naturopathy", "not-a-code" } } };

        await RpcAssert.InvalidField("filters.modalities[1]", () => FindAsync(world, request));
    }

    [Fact]
    public async Task A_wider_travel_override_scores_the_farther_practitioner_by_distance_not_as_out_of_reach()
    {
        var world = new World(System);
        var far = await world.AddAsync(world.Naturopath("Across the valley, ND", km: 40));
        var profile = await world.ClientAsync();

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id, Filters = new MatchFilters { MaxTravelKm = 60 } });

        var match = Assert.Single(response.Matches);
        Assert.Equal(far.Id, match.Listing.Id);
        var distance = match.Components.Single(c => c.Name == "distance");
        Assert.Equal(1 / (1 + Math.Pow(40 / 30.0, 2)), distance.RawValue, 2);
        Assert.Contains("40 km from you", match.Reasons);
    }

    [Fact]
    public async Task A_practitioner_who_comes_to_the_client_is_matched_beyond_the_travel_limit()
    {
        var world = new World(System);
        var visiting = world.Naturopath("Comes to you, ND", km: 40);
        visiting.Locations[0].ServiceRadiusKm = 45;
        var stays = world.Naturopath("Stays in town, ND", km: 40);
        stays.Locations[0].ServiceRadiusKm = 35;
        var visitingId = (await world.AddAsync(visiting)).Id;
        await world.AddAsync(stays);
        var profile = await world.ClientAsync(); // travels 25 km, no telehealth

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        var match = Assert.Single(response.Matches);
        Assert.Equal(visitingId, match.Listing.Id);
        Assert.True(match.VisitsYou);
        Assert.Equal(1, match.Components.Single(c => c.Name == "distance").RawValue);
        Assert.Contains("Comes to you (from 40 km away)", match.Reasons);
    }

    [Fact]
    public async Task A_client_who_does_not_travel_is_matched_with_the_practitioners_who_come_to_their_home()
    {
        var world = new World(System);
        var visiting = world.Naturopath("Comes to you, ND", km: 10);
        visiting.Locations[0].ServiceRadiusKm = 15;
        var visitingId = (await world.AddAsync(visiting)).Id;
        await world.AddAsync(world.Naturopath("Around the corner, ND", km: 0.3));
        var client = world.NatureClient();
        client.MaxTravelKm = 0; // does not travel, and takes no telehealth
        var profile = await world.ClientAsync(client);

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        var match = Assert.Single(response.Matches);
        Assert.Equal(visitingId, match.Listing.Id);
        Assert.True(match.VisitsYou);
        Assert.Contains("Comes to you (from 10 km away)", match.Reasons);
    }

    [Fact]
    public async Task A_client_who_can_pay_nothing_but_barters_is_matched_with_free_sessions_as_free()
    {
        var world = new World(System);
        var free = world.Naturopath("Free clinic", km: 1);
        free.Terms = new ExchangeTerms { Currency = "USD" }; // fee 0: free sessions, no barter
        var freeId = (await world.AddAsync(free)).Id;
        var paid = world.Naturopath("Paid only, ND", km: 1);
        paid.Terms = new ExchangeTerms { Currency = "USD", FeeMin = 9000, FeeMax = 9000 };
        await world.AddAsync(paid);
        var client = world.NatureClient();
        client.Budget = new Budget { Currency = "USD", MaxPerSession = 0 };
        client.BarterOffers.Clear();
        client.BarterOffers.Add("produce");
        var profile = await world.ClientAsync(client);

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        var match = Assert.Single(response.Matches);
        Assert.Equal(freeId, match.Listing.Id);
        Assert.Equal(1, match.Components.Single(c => c.Name == "terms").RawValue);
        Assert.Contains("Sessions are free", match.Reasons);
    }

    [Fact]
    public async Task Reasons_write_amounts_in_the_currencys_own_units()
    {
        var world = new World(System);
        var listing = world.Naturopath("Kenji Sato, Kampo", km: 1);
        listing.Terms = new ExchangeTerms { Currency = "JPY", FeeMin = 5000, FeeMax = 8000 };
        await world.AddAsync(listing);
        var client = world.NatureClient();
        client.Budget = new Budget { Currency = "JPY", MaxPerSession = 6000 };
        var profile = await world.ClientAsync(client);

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id });

        Assert.Contains("Fees from ¥5000 fit your ¥6000 budget", Assert.Single(response.Matches).Reasons);
    }

    // ---- The candidate pool (CandidateQuery.PoolSize) is retrieved by preference ----

    /// <summary>A feasible naturopath (so a search for sought modalities cannot single out the perfect fit) meeting none of the client's other preferences.</summary>
    private static Listing PlainFit(Listing listing, string language)
    {
        listing.Orientation = Orientation.Conventional;
        listing.LifestyleTags.Clear();
        listing.Approach = new Approach { IntakeMinutes = 30 };
        listing.Languages.Clear();
        listing.Languages.Add(language);
        return listing;
    }

    private static Listing PerfectFit(Listing listing, string language)
    {
        listing.LifestyleTags.Add("qa-unique-tag");
        listing.Languages.Clear();
        listing.Languages.Add(language);
        return listing;
    }

    [Fact]
    public async Task A_perfect_telehealth_fit_with_the_largest_id_is_found_among_more_listings_than_the_pool()
    {
        // QA: a telehealth-only client's pool was the first 100 listings by id, so a perfect fit
        // created last was never scored unless free text happened to single it out.
        var world = new World(System);
        var language = IsolatedLanguage.New();
        await Task.WhenAll(Enumerable.Range(0, CandidateQuery.PoolSize + 20).Select(i =>
        {
            var plain = PlainFit(Samples.Naturopath($"Plain fit {i}"), language);
            plain.Telehealth = true;
            return world.AddAsync(plain);
        }));
        await Task.Delay(5); // a later millisecond: its version-7 id sorts after every other
        var perfect = PerfectFit(Samples.Naturopath("Perfect fit"), language);
        perfect.Telehealth = true;
        perfect = await world.AddAsync(perfect);
        var client = Samples.NatureClient();
        client.Home = null;
        client.SoughtModalities.Clear();
        client.LifestyleTags.Clear();
        client.LifestyleTags.Add("qa-unique-tag");
        client.LifestyleTags.Add("organic-food");
        client.Languages.Clear();
        client.Languages.Add(language);
        var profile = await world.ClientAsync(client);

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id, PageSize = 5 });

        Assert.Equal(perfect.Id, response.Matches[0].Listing.Id);
        Assert.Equal(CandidateQuery.PoolSize, response.CandidatesConsidered);
    }

    [Fact]
    public async Task A_better_fit_within_travel_range_is_found_behind_more_nearer_listings_than_the_pool()
    {
        var world = new World(System);
        var language = IsolatedLanguage.New();
        await Task.WhenAll(Enumerable.Range(0, CandidateQuery.PoolSize + 10).Select(i =>
            world.AddAsync(PlainFit(world.Naturopath($"Near plain fit {i}", km: 1 + i / 1000.0), language))));
        var better = await world.AddAsync(PerfectFit(world.Naturopath("Farther, better fit", km: 20), language));
        var client = world.NatureClient();
        client.Languages.Clear();
        client.Languages.Add(language);
        var profile = await world.ClientAsync(client);

        var response = await FindAsync(world, new FindMatchesRequest { ProfileId = profile.Id, PageSize = 5 });

        Assert.Equal(better.Id, response.Matches[0].Listing.Id);
        Assert.InRange(response.Matches[0].DistanceKm, 19.5, 20.5);
    }
}

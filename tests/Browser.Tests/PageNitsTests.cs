using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealingNetwork.Browser.Tests;

/// <summary>What the page sends and shows at the edges: a cleared home or listing place, the travel limit, a zero fee, a zero max fee, a negative score component, money in other currencies (max fee included), where weekly hours are, the stored ones shown and a second window added to a day.</summary>
public sealed class PageNitsTests(BrowserSystem system) : IClassFixture<BrowserSystem>
{
    [Fact]
    public async Task A_profile_saved_with_latitude_and_longitude_cleared_has_no_home()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Or paste a bearer token").FillAsync(RunningSystem.Token("homeless-hana"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this token" }).ClickAsync();
        var profile = page.Locator("#profile");
        await Expect(profile.GetByLabel("Care you seek")).ToContainTextAsync("Naturopathic medicine");

        await profile.GetByLabel("Home latitude").FillAsync("");
        await profile.GetByLabel("Home longitude").FillAsync("");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile saved.");

        var id = await page.Locator("#profile-id").TextContentAsync();
        var client = new ProfileService.ProfileServiceClient(system.Channel());
        var stored = await client.GetProfileAsync(new GetProfileRequest { Id = id },
            new Metadata { { "authorization", "Bearer " + RunningSystem.Token("homeless-hana") } });
        Assert.Null(stored.Home);
    }

    [Fact]
    public async Task A_listing_with_latitude_and_longitude_cleared_but_a_city_given_is_refused_with_a_clear_message()
    {
        var page = await SignedInPageAsync("placeless-paz");
        var listing = page.Locator("#practitioner");
        await listing.GetByLabel("Display name").FillAsync("Paz Ortega");
        await listing.GetByLabel("Latitude").FillAsync("");
        await listing.GetByLabel("Longitude").FillAsync("");
        await listing.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();

        await Expect(page.Locator("#error")).ToContainTextAsync("latitude and longitude");
        await Expect(page.Locator("#listing-id")).ToHaveTextAsync("none yet"); // not created at 0,0 as "Portland, US"
    }

    [Fact]
    public async Task A_telehealth_listing_with_no_place_at_all_is_created_without_a_location()
    {
        var page = await SignedInPageAsync("online-olu");
        var id = await CreateTelehealthOnlyListingAsync(page, "Olu Adeyemi");

        var stored = await new DirectoryService.DirectoryServiceClient(system.Channel()).GetListingAsync(new GetListingRequest { Id = id });
        Assert.Empty(stored.Locations);
        Assert.True(stored.Telehealth);
    }

    [Fact]
    public async Task A_max_fee_of_zero_finds_free_sessions_only_and_an_empty_one_finds_any_fee()
    {
        var free = SampleListings.NaturopathListing();
        free.DisplayName = "Fern Free Clinic";
        free.Terms = new ExchangeTerms { Currency = "USD" };
        await new DirectoryService.DirectoryServiceClient(system.Channel()).CreateListingAsync(new CreateListingRequest { Listing = free },
            new Metadata { { "authorization", "Bearer " + RunningSystem.Token("free-clinic") } });
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        var search = page.Locator("#search");
        var results = page.Locator("#search-results");
        await Expect(search.GetByLabel("Modality")).ToContainTextAsync("Naturopathic medicine");
        var maxFee = search.GetByLabel("Max fee per session");
        await Expect(maxFee).ToHaveAccessibleNameAsync(new Regex("0 = free sessions only"));

        await maxFee.FillAsync("0");
        using (var sent = await SentSearchAsync(page))
        {
            Assert.Equal("0", sent.RootElement.GetProperty("maxFee").GetString());
            Assert.Equal("USD", sent.RootElement.GetProperty("currency").GetString());
        }
        await Expect(results).ToContainTextAsync("Fern Free Clinic");
        await Expect(results).Not.ToContainTextAsync(SampleListings.Naturopath); // $90–$150

        await maxFee.FillAsync("");
        using (var sent = await SentSearchAsync(page))
        {
            Assert.False(sent.RootElement.TryGetProperty("maxFee", out _));
            Assert.False(sent.RootElement.TryGetProperty("currency", out _)); // the API refuses a currency without a fee
        }
        await Expect(results).ToContainTextAsync(SampleListings.Naturopath);
    }

    [Fact]
    public async Task A_max_fee_in_euros_finds_a_euro_listing_within_it_and_a_yen_max_fee_has_no_minor_unit()
    {
        var euro = Samples.Naturopath("Elodie Euromann, HP");
        euro.Terms = new ExchangeTerms { Currency = "EUR", FeeMin = 5000, FeeMax = 5000 };
        await new DirectoryService.DirectoryServiceClient(system.Channel()).CreateListingAsync(new CreateListingRequest { Listing = euro }, As("euro-elodie"));
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        var search = page.Locator("#search");
        var results = page.Locator("#search-results");
        var currency = search.GetByLabel("Max fee currency");
        var maxFee = search.GetByLabel("Max fee per session");
        await Expect(currency).ToHaveValueAsync("USD"); // no profile, and the browser is en-US
        await search.GetByLabel("Words").FillAsync("Euromann");
        await currency.SelectOptionAsync("EUR");

        await maxFee.FillAsync("60");
        using (var sent = await SentSearchAsync(page))
            Assert.Equal(("6000", "EUR"), (sent.RootElement.GetProperty("maxFee").GetString(), sent.RootElement.GetProperty("currency").GetString()));
        await Expect(results).ToContainTextAsync("Elodie Euromann");

        await maxFee.FillAsync("40");
        using (var sent = await SentSearchAsync(page))
            Assert.Equal("4000", sent.RootElement.GetProperty("maxFee").GetString());
        await Expect(page.Locator("#status")).ToContainTextAsync("0 of 0 listings shown");
        await Expect(results).Not.ToContainTextAsync("Elodie Euromann");

        await currency.SelectOptionAsync("JPY");
        await Expect(maxFee).ToHaveAttributeAsync("step", "1");
        await maxFee.FillAsync("6000");
        using (var sent = await SentSearchAsync(page))
            Assert.Equal(("6000", "JPY"), (sent.RootElement.GetProperty("maxFee").GetString(), sent.RootElement.GetProperty("currency").GetString()));
    }

    [Fact]
    public async Task A_client_whose_budget_is_in_euros_searches_in_euros()
    {
        await CreateProfileAsync("euro-eva", new Budget { Currency = "EUR", MaxPerSession = 6000 });
        var page = await SignedInPageAsync("euro-eva");

        await Expect(page.Locator("#search").GetByLabel("Max fee currency")).ToHaveValueAsync("EUR");
        await page.Locator("#search").GetByLabel("Max fee per session").FillAsync("60");
        using var sent = await SentSearchAsync(page);
        Assert.Equal(("6000", "EUR"), (sent.RootElement.GetProperty("maxFee").GetString(), sent.RootElement.GetProperty("currency").GetString()));
    }

    [Fact]
    public async Task The_travel_field_allows_what_the_api_allows()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");

        var travel = page.Locator("#profile").GetByLabel("Travel up to km");

        await Expect(travel).ToHaveAttributeAsync("max", "1000");
        await Expect(travel).ToHaveAttributeAsync("min", "0");
    }

    [Fact]
    public async Task A_fee_range_from_zero_is_shown_from_zero()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");

        // As the API sends terms: int64 as JSON strings, a zero fee_min left out altogether.
        var shown = await page.EvaluateAsync<string>("listingItem({ displayName: 'Free first', terms: { currency: 'USD', feeMax: '5000' } }, -1).textContent");

        Assert.Contains("$0–$50", shown);
    }

    [Fact]
    public async Task A_practitioner_who_visits_says_they_come_to_you_and_from_how_far()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");

        var visiting = await page.EvaluateAsync<string>("listingItem({ displayName: 'Home visits' }, 22.4, null, true).textContent");
        var practice = await page.EvaluateAsync<string>("listingItem({ displayName: 'At the practice' }, 3.1, null, false).textContent");

        Assert.Contains("comes to you (from 22.4 km away)", visiting);
        Assert.DoesNotContain("comes to you", practice);
    }

    [Fact]
    public async Task A_component_that_takes_points_away_shows_a_minus_not_plus_minus()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");

        var shown = await page.EvaluateAsync<string>(
            "matchItem({ listing: { displayName: 'Stale' }, score: 0.5, components: [{ name: 'freshness', weight: 0.1, rawValue: 0, contribution: -0.05 }] }).textContent");

        Assert.Contains("→ −0.05", shown);
        Assert.DoesNotContain("+-", shown);
    }

    [Fact]
    public async Task Editing_only_the_story_keeps_a_euro_budget_of_75_euros_50_in_euros()
    {
        var created = await CreateProfileAsync("euro-elke", new Budget { Currency = "EUR", MaxPerSession = 7550 });
        var page = await SignedInPageAsync("euro-elke");
        var profile = page.Locator("#profile");
        await Expect(page.Locator("#profile-id")).ToHaveTextAsync(created.Id);

        await profile.GetByLabel("Your story").FillAsync("second chapter");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile updated.");
        var stored = await StoredProfileAsync("euro-elke", created.Id);
        Assert.Equal("second chapter", stored.Story);
        Assert.Equal("EUR", stored.Budget.Currency);
        Assert.Equal(7550, stored.Budget.MaxPerSession);
        await Expect(profile.GetByLabel("Budget currency")).ToHaveValueAsync("EUR");
        await Expect(profile.GetByLabel("Budget per session")).ToHaveValueAsync("75.50");
    }

    [Fact]
    public async Task A_yen_budget_shows_as_whole_yen_and_a_new_amount_is_saved_in_yen()
    {
        var created = await CreateProfileAsync("yen-yui", new Budget { Currency = "JPY", MaxPerSession = 6000 });
        var page = await SignedInPageAsync("yen-yui");
        var profile = page.Locator("#profile");
        await Expect(page.Locator("#profile-id")).ToHaveTextAsync(created.Id);
        var amount = profile.GetByLabel("Budget per session");

        await Expect(amount).ToHaveValueAsync("6000"); // yen have no minor unit: not 60
        await Expect(amount).ToHaveAttributeAsync("step", "1");
        await amount.FillAsync("6500");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile updated.");
        var stored = await StoredProfileAsync("yen-yui", created.Id);
        Assert.Equal("JPY", stored.Budget.Currency);
        Assert.Equal(6500, stored.Budget.MaxPerSession);
    }

    [Fact]
    public async Task An_empty_budget_is_no_budget_and_0_is_free_sessions_only()
    {
        // A budget of 0 in a currency means "I can pay nothing" (free sessions only) to matching; a
        // person who leaves the box empty has not given a budget, and must not be read as that.
        var created = await CreateProfileAsync("blank-bo", new Budget { Currency = "USD", MaxPerSession = 4000 });
        var page = await SignedInPageAsync("blank-bo");
        var profile = page.Locator("#profile");
        await Expect(page.Locator("#profile-id")).ToHaveTextAsync(created.Id);
        var amount = profile.GetByLabel("Budget per session");
        var save = profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" });

        await amount.FillAsync("");
        await save.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile updated.");
        Assert.Null((await StoredProfileAsync("blank-bo", created.Id)).Budget);

        await page.ReloadAsync();
        await Expect(page.Locator("#profile-id")).ToHaveTextAsync(created.Id);
        await Expect(amount).ToHaveValueAsync("");
        await amount.FillAsync("0");
        await save.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile updated.");
        var stored = await StoredProfileAsync("blank-bo", created.Id);
        Assert.Equal(("USD", 0L), (stored.Budget.Currency, stored.Budget.MaxPerSession));
    }

    [Fact]
    public async Task A_listing_made_in_euros_keeps_its_fees_in_euro_cents()
    {
        var page = await SignedInPageAsync("euro-emil");
        var listing = page.Locator("#practitioner");
        await listing.GetByLabel("Display name").FillAsync("Emil Brandt, HP");
        await listing.GetByLabel("Fee currency").SelectOptionAsync("EUR");
        await listing.GetByLabel("Fee from").FillAsync("45.50");
        await listing.GetByLabel("Fee to").FillAsync("80");
        await listing.GetByLabel("Sliding scale from").FillAsync("30.25");
        await listing.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();

        await Expect(page.Locator("#listing-id")).Not.ToHaveTextAsync("none yet");
        var id = await page.Locator("#listing-id").TextContentAsync();
        var stored = await new DirectoryService.DirectoryServiceClient(system.Channel()).GetListingAsync(new GetListingRequest { Id = id });
        Assert.Equal("EUR", stored.Terms.Currency);
        Assert.Equal(4550, stored.Terms.FeeMin);
        Assert.Equal(8000, stored.Terms.FeeMax);
        Assert.Equal(3025, stored.Terms.SlidingScaleMin);
    }

    [Fact]
    public async Task A_telehealth_only_practitioner_saves_weekly_hours_which_are_telehealth_hours()
    {
        var page = await SignedInPageAsync("online-otto");
        var listing = page.Locator("#practitioner");
        var id = await CreateTelehealthOnlyListingAsync(page, "Otto Online");

        await listing.GetByRole(AriaRole.Button, new() { Name = "Save weekly hours" }).ClickAsync();

        await Expect(page.Locator("#status")).ToContainTextAsync("Weekly hours saved");
        var hours = await new AvailabilityService.AvailabilityServiceClient(system.Channel())
            .GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = id });
        Assert.Equal(5, hours.Windows.Count); // Monday to Friday, the form's default
        Assert.All(hours.Windows, w => Assert.Equal(-1, w.LocationIndex));
        await Expect(listing.GetByLabel("Monday place")).ToHaveValueAsync("-1");
    }

    [Fact]
    public async Task A_practitioner_with_a_practice_and_telehealth_chooses_the_place_of_each_day()
    {
        var page = await SignedInPageAsync("hybrid-hedda");
        var listing = page.Locator("#practitioner");
        await listing.GetByLabel("Display name").FillAsync("Hedda Hybrid");
        await listing.GetByLabel("I offer telehealth").CheckAsync();
        await listing.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();
        await Expect(page.Locator("#listing-id")).Not.ToHaveTextAsync("none yet");
        var id = await page.Locator("#listing-id").TextContentAsync();

        var tuesday = listing.GetByLabel("Tuesday place");
        await Expect(tuesday.Locator("option")).ToHaveTextAsync(["Portland, US", "Telehealth"]);
        await Expect(listing.GetByLabel("Monday place")).ToHaveValueAsync("0"); // the practice unless chosen otherwise
        await tuesday.SelectOptionAsync(new SelectOptionValue { Label = "Telehealth" });
        await listing.GetByRole(AriaRole.Button, new() { Name = "Save weekly hours" }).ClickAsync();

        await Expect(page.Locator("#status")).ToContainTextAsync("Weekly hours saved");
        var hours = await new AvailabilityService.AvailabilityServiceClient(system.Channel())
            .GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = id });
        Assert.Equal(-1, Assert.Single(hours.Windows, w => w.Weekday == Weekday.Tuesday).LocationIndex);
        Assert.Equal(0, Assert.Single(hours.Windows, w => w.Weekday == Weekday.Monday).LocationIndex);
    }

    [Fact]
    public async Task The_hours_form_shows_a_listings_stored_hours_and_changing_one_day_keeps_the_others()
    {
        // Hours set by another client: two windows on Monday (practice, then telehealth), Wednesday
        // until midnight, Friday; Tuesday and the weekend closed.
        var listing = await new DirectoryService.DirectoryServiceClient(system.Channel()).CreateListingAsync(
            new CreateListingRequest { Listing = Samples.Naturopath("Wanda Weekly, ND") }, As("weekly-wanda"));
        var set = new SetWeeklyAvailabilityRequest
        {
            ListingId = listing.Id, SessionMinutes = 50, BufferMinutes = 10,
            Windows =
            {
                new WeeklyWindow { Weekday = Weekday.Monday, Start = "08:00", End = "12:00", LocationIndex = 0 },
                new WeeklyWindow { Weekday = Weekday.Monday, Start = "13:00", End = "17:00", LocationIndex = -1 },
                new WeeklyWindow { Weekday = Weekday.Wednesday, Start = "18:00", End = "24:00", LocationIndex = 0 },
                new WeeklyWindow { Weekday = Weekday.Friday, Start = "09:30", End = "15:30", LocationIndex = -1 },
            },
        };
        var availability = new AvailabilityService.AvailabilityServiceClient(system.Channel());
        await availability.SetWeeklyAvailabilityAsync(set, As("weekly-wanda"));

        var page = await SignedInPageAsync("weekly-wanda");
        var form = page.Locator("#hours-form");
        await Expect(page.Locator("#listing-id")).ToHaveTextAsync(listing.Id);
        await Expect(form.GetByLabel("Monday start")).ToHaveValueAsync("08:00");
        await Expect(form.GetByLabel("Monday end")).ToHaveValueAsync("12:00");
        await Expect(form.GetByLabel("Monday place")).ToHaveValueAsync("0");
        await Expect(form.GetByLabel("Monday (2) start")).ToHaveValueAsync("13:00");
        await Expect(form.GetByLabel("Monday (2) place")).ToHaveValueAsync("-1");
        await Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Tuesday", Exact = true })).Not.ToBeCheckedAsync();
        await Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Wednesday", Exact = true })).ToBeCheckedAsync();
        await Expect(form.GetByLabel("Wednesday end")).ToHaveValueAsync("00:00"); // midnight, as a time field can say it
        await Expect(form.GetByLabel("Friday start")).ToHaveValueAsync("09:30");
        await Expect(form.GetByLabel("Friday place")).ToHaveValueAsync("-1");
        await Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Saturday", Exact = true })).Not.ToBeCheckedAsync();
        await Expect(form.GetByLabel("Session minutes")).ToHaveValueAsync("50");
        await Expect(form.GetByLabel("Buffer minutes")).ToHaveValueAsync("10");
        await Expect(page.Locator("#error")).ToBeEmptyAsync();

        await form.GetByLabel("Friday end").FillAsync("16:30");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save weekly hours" }).ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Weekly hours saved: 3 days.");
        var stored = await availability.GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = listing.Id });
        set.Windows[3].End = "16:30";
        Assert.Equal(set.Windows.OrderBy(w => (w.Weekday, w.Start)), stored.Windows.OrderBy(w => (w.Weekday, w.Start)));
        Assert.Equal((50, 10), (stored.SessionMinutes, stored.BufferMinutes));
    }

    [Fact]
    public async Task A_practitioner_adds_a_second_window_to_a_day_and_both_are_saved()
    {
        var page = await SignedInPageAsync("lunch-lena");
        var listing = page.Locator("#practitioner");
        await listing.GetByLabel("Display name").FillAsync("Lena Lunchbreak");
        await listing.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();
        await Expect(page.Locator("#listing-id")).Not.ToHaveTextAsync("none yet");
        var id = await page.Locator("#listing-id").TextContentAsync();
        var form = page.Locator("#hours-form");
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Save weekly hours" })).ToBeEnabledAsync();

        await form.GetByLabel("Monday end").FillAsync("12:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "+ Another window on Monday" }).ClickAsync();

        // The new window starts where the day's last one ends, four hours long, ticked; the button moves under it.
        await Expect(form.GetByLabel("Monday (2) start")).ToHaveValueAsync("12:00");
        await Expect(form.GetByLabel("Monday (2) end")).ToHaveValueAsync("16:00");
        await Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Monday (2)", Exact = true })).ToBeCheckedAsync();
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "+ Another window on Monday" })).ToHaveCountAsync(1);
        await form.GetByLabel("Monday (2) start").FillAsync("13:00");
        await form.GetByLabel("Monday (2) end").FillAsync("17:30");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save weekly hours" }).ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Weekly hours saved: 5 days.");
        var hours = await new AvailabilityService.AvailabilityServiceClient(system.Channel())
            .GetWeeklyAvailabilityAsync(new GetWeeklyAvailabilityRequest { ListingId = id });
        Assert.Equal([("09:00", "12:00"), ("13:00", "17:30")],
            hours.Windows.Where(w => w.Weekday == Weekday.Monday).OrderBy(w => w.Start).Select(w => (w.Start, w.End)));
        Assert.Equal(6, hours.Windows.Count);
        // Shown again as stored: Monday's two windows, with the button under the second.
        await Expect(form.GetByLabel("Monday (2) end")).ToHaveValueAsync("17:30");
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "+ Another window on Monday" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_listing_without_hours_gets_the_form_for_new_hours_and_no_error()
    {
        var page = await SignedInPageAsync("hourless-hugo");
        var form = page.Locator("#hours-form");
        await CreateTelehealthOnlyListingAsync(page, "Hugo Hourless");

        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Save weekly hours" })).ToBeEnabledAsync();
        await Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Monday", Exact = true })).ToBeCheckedAsync();
        await Expect(form.GetByLabel("Monday start")).ToHaveValueAsync("09:00");
        await Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Sunday", Exact = true })).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Listing created.");
        await Expect(page.Locator("#error")).ToBeEmptyAsync();
    }

    /// <summary>Creates, on the page, a telehealth listing with no place at all (City, Country and coordinates cleared); its id.</summary>
    private static async Task<string?> CreateTelehealthOnlyListingAsync(IPage page, string name)
    {
        var listing = page.Locator("#practitioner");
        await listing.GetByLabel("Display name").FillAsync(name);
        foreach (var field in new[] { "City", "Country", "Latitude", "Longitude" })
            await listing.GetByLabel(field, new() { Exact = true }).FillAsync("");
        await listing.GetByLabel("I offer telehealth").CheckAsync();
        await listing.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();
        await Expect(page.Locator("#listing-id")).Not.ToHaveTextAsync("none yet");
        return await page.Locator("#listing-id").TextContentAsync();
    }

    /// <summary>A profile made through the API (another client), as the page later finds it.</summary>
    private async Task<Profile> CreateProfileAsync(string user, Budget budget)
    {
        var profile = new Profile
        {
            Home = new GeoPoint { Lat = 52.52, Lon = 13.40 },
            MaxTravelKm = 20,
            TelehealthOk = true,
            Budget = budget,
            Story = "first chapter",
        };
        return await new ProfileService.ProfileServiceClient(system.Channel())
            .CreateProfileAsync(new CreateProfileRequest { Profile = profile }, As(user));
    }

    private Task<Profile> StoredProfileAsync(string user, string id) =>
        new ProfileService.ProfileServiceClient(system.Channel()).GetProfileAsync(new GetProfileRequest { Id = id }, As(user)).ResponseAsync;

    private static Metadata As(string user) => new() { { "authorization", "Bearer " + RunningSystem.Token(user) } };

    private async Task<IPage> SignedInPageAsync(string user)
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Or paste a bearer token").FillAsync(RunningSystem.Token(user));
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this token" }).ClickAsync();
        await Expect(page.Locator("#practitioner").GetByLabel("Modality")).ToContainTextAsync("Naturopathic medicine");
        return page;
    }

    /// <summary>The body of the search request that pressing Search sends.</summary>
    private static async Task<JsonDocument> SentSearchAsync(IPage page)
    {
        var request = await page.RunAndWaitForRequestAsync(
            () => page.Locator("#search").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync(),
            r => r.Url.EndsWith("/v1/listings:search", StringComparison.Ordinal));
        return JsonDocument.Parse(request.PostData!);
    }
}

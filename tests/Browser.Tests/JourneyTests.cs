using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealingNetwork.Browser.Tests;

/// <summary>
/// The three journeys through the web page, as a person would go through them: by label, with
/// the keyboard-reachable controls, against the running system. Screenshots are test artefacts.
/// </summary>
public sealed class JourneyTests(BrowserSystem system) : IClassFixture<BrowserSystem>
{
    [Fact]
    public async Task A_client_searches_the_directory_on_a_phone_and_sees_a_distance_list()
    {
        var page = await system.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/");
        var search = page.Locator("#search");
        await Expect(search.GetByLabel("Modality")).ToContainTextAsync("Naturopathic medicine");

        await search.GetByLabel("Orientation").SelectOptionAsync("ORIENTATION_NATURE_ORIENTED");
        await search.GetByLabel("Within km").FillAsync("25");
        await search.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var results = page.Locator("#search-results > li");
        await Expect(results.First).ToContainTextAsync(SampleListings.Naturopath);
        await Expect(results.First).ToContainTextAsync("km");
        await Expect(page.Locator("#search-results")).Not.ToContainTextAsync(SampleListings.BriskCardiologist);
        await BrowserSystem.ScreenshotAsync(page, "1-search-phone");
        Assert.Equal("", await page.EvaluateAsync<string>(WiderThanScreen)); // no sideways scrolling at phone width
    }

    [Fact]
    public async Task A_words_only_search_with_the_place_cleared_shows_the_listings_that_match_the_words()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        var search = page.Locator("#search");
        await Expect(search.GetByLabel("Modality")).ToContainTextAsync("Naturopathic medicine");

        await search.GetByLabel("Words").FillAsync("Okafor");
        await search.GetByLabel("Near latitude").FillAsync("");
        await search.GetByLabel("Near longitude").FillAsync("");
        await search.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var found = page.Locator("#search-results > li").First;
        await Expect(found).ToContainTextAsync(SampleListings.Naturopath);
        await Expect(found).ToContainTextAsync("telehealth");
        await Expect(found).Not.ToContainTextAsync("km"); // no place, no distance: never "-1.0 km"
        await Expect(page.Locator("#status")).ToContainTextAsync("best match first");
        await Expect(page.Locator("#error")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task A_client_builds_a_profile_sees_explained_matches_and_asks_for_a_referral()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await SignInWithDevTokenAsync(page, "carla");

        var profile = page.Locator("#profile");
        await Expect(profile.GetByLabel("Care you seek")).ToContainTextAsync("Naturopathic medicine");
        await profile.GetByLabel("Name shown to you").FillAsync("Carla");
        await profile.GetByLabel("Lifestyle (comma separated)").FillAsync("organic-food, herbs-first");
        await profile.GetByLabel("Care you seek").SelectOptionAsync("naturopathy");
        await profile.GetByLabel("Budget per session").FillAsync("100");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("#profile-id")).Not.ToHaveTextAsync("none yet");

        await page.GetByRole(AriaRole.Button, new() { Name = "Find my matches" }).ClickAsync();
        var best = page.Locator("#match-results > li").First;
        await Expect(best).ToContainTextAsync(SampleListings.Naturopath);
        await Expect(best.Locator(".reasons li").First).ToBeVisibleAsync();
        Assert.True(await best.Locator("meter").CountAsync() >= 3, "one bar per score component");
        await BrowserSystem.ScreenshotAsync(page, "2-matches");

        var referral = page.Locator("#referral");
        await referral.GetByLabel("Specialty").SelectOptionAsync("cardiology");
        await referral.GetByRole(AriaRole.Button, new() { Name = "Find specialists" }).ClickAsync();
        var referrals = page.Locator("#referral-results > li");
        await Expect(referrals.First).ToContainTextAsync(SampleListings.RespectfulCardiologist);
        await BrowserSystem.ScreenshotAsync(page, "3-referral");
    }

    [Fact]
    public async Task Saving_the_profile_twice_keeps_one_profile_which_the_second_save_updates()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await SignInByPastingAsync(page, RunningSystem.Token("saoirse"));
        var profile = page.Locator("#profile");
        var save = profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" });
        await Expect(profile.GetByLabel("Care you seek")).ToContainTextAsync("Naturopathic medicine");

        await profile.GetByLabel("Name shown to you").FillAsync("Saoirse");
        await save.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile saved.");
        var id = await page.Locator("#profile-id").TextContentAsync();
        await profile.GetByLabel("Name shown to you").FillAsync("Saoirse K.");
        await profile.GetByLabel("Travel up to km").FillAsync("12");
        await save.ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile updated.");
        await Expect(page.Locator("#profile-id")).ToHaveTextAsync(id!);
        var stored = Assert.Single(await StoredProfilesAsync("saoirse", id));
        Assert.Equal(id, stored.Id);
        Assert.Equal("Saoirse K.", stored.DisplayName);
        Assert.Equal(12, stored.MaxTravelKm);
    }

    [Fact]
    public async Task Reloading_the_page_or_signing_in_on_a_new_tab_shows_the_saved_profile_and_the_next_save_updates_it()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await SignInWithDevTokenAsync(page, "wren");
        var profile = page.Locator("#profile");
        var save = profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" });
        await Expect(profile.GetByLabel("Care you seek")).ToContainTextAsync("Naturopathic medicine");
        await profile.GetByLabel("Name shown to you").FillAsync("Wren");
        await profile.GetByLabel("Care you seek").SelectOptionAsync("naturopathy");
        await profile.GetByLabel("Travel up to km").FillAsync("12");
        await save.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile saved.");
        var id = await page.Locator("#profile-id").TextContentAsync();

        await page.ReloadAsync();
        await Expect(page.Locator("#who")).ToHaveTextAsync("Signed in as wren.");
        await Expect(page.Locator("#profile-id")).ToHaveTextAsync(id!);
        // The form shows the stored profile, not the page's defaults, so saving it changes only what is edited.
        await Expect(profile.GetByLabel("Name shown to you")).ToHaveValueAsync("Wren");
        await Expect(profile.GetByLabel("Travel up to km")).ToHaveValueAsync("12");
        await Expect(profile.GetByLabel("Care you seek")).ToHaveValuesAsync(["naturopathy"]);
        await profile.GetByLabel("Name shown to you").FillAsync("Wren A.");
        await save.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile updated.");

        // A new tab starts signed out (the token is per tab); signing in again finds the same profile.
        var tab = await page.Context.NewPageAsync();
        await tab.GotoAsync("/");
        await SignInWithDevTokenAsync(tab, "wren");
        await Expect(tab.Locator("#profile-id")).ToHaveTextAsync(id!);
        await Expect(tab.Locator("#profile").GetByLabel("Name shown to you")).ToHaveValueAsync("Wren A.");
        // Signing out takes the profile (story included) off the page.
        await tab.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(tab.Locator("#profile-id")).ToHaveTextAsync("none yet");
        await Expect(tab.Locator("#profile").GetByLabel("Name shown to you")).ToHaveValueAsync("");

        var stored = Assert.Single(await StoredProfilesAsync("wren", id));
        Assert.Equal("Wren A.", stored.DisplayName);
        Assert.Equal(12, stored.MaxTravelKm);
    }

    [Fact]
    public async Task A_profile_saved_in_one_browser_is_loaded_in_a_fresh_one_and_saving_there_updates_it_instead_of_adding_another()
    {
        var first = await system.NewPageAsync();
        await first.GotoAsync("/");
        await SignInWithDevTokenAsync(first, "tomas");
        var profile = first.Locator("#profile");
        await Expect(profile.GetByLabel("Care you seek")).ToContainTextAsync("Naturopathic medicine");
        await profile.GetByLabel("Name shown to you").FillAsync("Tomás");
        await profile.GetByLabel("Care you seek").SelectOptionAsync("naturopathy");
        await profile.GetByLabel("Travel up to km").FillAsync("15");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(first.Locator("#status")).ToHaveTextAsync("Profile saved.");
        var id = await first.Locator("#profile-id").TextContentAsync();

        // Another device: a fresh browser context shares no storage with the first, so it remembers no profile id.
        var second = await system.NewPageAsync();
        await second.GotoAsync("/");
        Assert.Null(await second.EvaluateAsync<string?>("localStorage.getItem('profileId:tomas')"));
        await SignInWithDevTokenAsync(second, "tomas");
        var form = second.Locator("#profile");
        await Expect(second.Locator("#profile-id")).ToHaveTextAsync(id!);
        await Expect(form.GetByLabel("Name shown to you")).ToHaveValueAsync("Tomás");
        await Expect(form.GetByLabel("Travel up to km")).ToHaveValueAsync("15");
        await Expect(form.GetByLabel("Care you seek")).ToHaveValuesAsync(["naturopathy"]);
        await form.GetByLabel("Name shown to you").FillAsync("Tomás R.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        await Expect(second.Locator("#status")).ToHaveTextAsync("Profile updated.");
        var stored = Assert.Single(await StoredProfilesAsync("tomas", id));
        Assert.Equal(id, stored.Id);
        Assert.Equal("Tomás R.", stored.DisplayName);
        Assert.Equal(15, stored.MaxTravelKm);
    }

    [Fact]
    public async Task Signing_in_on_a_fresh_browser_loads_the_newest_of_several_profiles()
    {
        Profile Named(string name) { var p = MatrixWorld.SampleProfile(); p.DisplayName = name; return p; }
        var older = await Profiles().CreateProfileAsync(new CreateProfileRequest { Profile = Named("Older") }, As("yusra"));
        await Task.Delay(5); // ids carry their creation millisecond
        var newer = await Profiles().CreateProfileAsync(new CreateProfileRequest { Profile = Named("Newer") }, As("yusra"));

        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await SignInByPastingAsync(page, RunningSystem.Token("yusra"));

        await Expect(page.Locator("#profile-id")).ToHaveTextAsync(newer.Id);
        await Expect(page.Locator("#profile").GetByLabel("Name shown to you")).ToHaveValueAsync("Newer");
        Assert.NotEqual(older.Id, newer.Id);
    }

    [Fact]
    public async Task A_remembered_profile_deleted_elsewhere_is_forgotten_and_the_next_save_creates_a_new_one()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await SignInByPastingAsync(page, RunningSystem.Token("ines"));
        var profile = page.Locator("#profile");
        var save = profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" });
        await Expect(profile.GetByLabel("Care you seek")).ToContainTextAsync("Naturopathic medicine");
        await save.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile saved.");
        var id = await page.Locator("#profile-id").TextContentAsync();
        await Profiles().DeleteProfileAsync(new DeleteProfileRequest { Id = id }, As("ines"));

        await page.ReloadAsync();
        await save.ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile saved.");
        var newId = await page.Locator("#profile-id").TextContentAsync();
        Assert.NotEqual(id, newId);
        Assert.Equal(newId, Assert.Single(await StoredProfilesAsync("ines", newId)).Id);
        await Expect(page.Locator("#error")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task A_listing_made_on_the_page_is_found_by_the_page_referral_form()
    {
        var practitioner = await system.NewPageAsync();
        await practitioner.GotoAsync("/");
        await SignInByPastingAsync(practitioner, RunningSystem.Token("dr-amara"));
        var listing = practitioner.Locator("#practitioner");
        const string Endocrinology = "Endocrinology, diabetes and metabolism";
        await Expect(listing.GetByLabel("Modality")).ToContainTextAsync(Endocrinology);
        await listing.GetByLabel("Display name").FillAsync("Dr. Amara Eze");
        await listing.GetByLabel("Modality").SelectOptionAsync(new SelectOptionValue { Label = Endocrinology });
        await listing.GetByLabel("Orientation").SelectOptionAsync("ORIENTATION_CONVENTIONAL");
        await listing.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();
        await Expect(practitioner.Locator("#listing-id")).Not.ToHaveTextAsync("none yet");
        var listingId = await practitioner.Locator("#listing-id").TextContentAsync();

        var client = await system.NewPageAsync();
        await client.GotoAsync("/");
        await SignInWithDevTokenAsync(client, "kofi");
        await client.Locator("#profile").GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(client.Locator("#status")).ToHaveTextAsync("Profile saved.");
        var referral = client.Locator("#referral");
        await referral.GetByLabel("Specialty").SelectOptionAsync(new SelectOptionValue { Label = Endocrinology });
        await referral.GetByRole(AriaRole.Button, new() { Name = "Find specialists" }).ClickAsync();

        await Expect(client.Locator("#referral-results > li").First).ToContainTextAsync("Dr. Amara Eze");
        // Found by a NUCC code as well, for clients that ask by specialty code.
        var stored = await new DirectoryService.DirectoryServiceClient(system.Channel())
            .GetListingAsync(new GetListingRequest { Id = listingId });
        Assert.Equal("207RE0101X", Assert.Single(stored.Specialties));
    }

    [Fact]
    public async Task A_save_over_a_change_made_elsewhere_is_refused_readably_and_saving_again_applies_it()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await SignInByPastingAsync(page, RunningSystem.Token("odile"));
        var profile = page.Locator("#profile");
        var save = profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" });
        await Expect(profile.GetByLabel("Care you seek")).ToContainTextAsync("Naturopathic medicine");
        await profile.GetByLabel("Name shown to you").FillAsync("Odile");
        await save.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile saved.");
        var id = await page.Locator("#profile-id").TextContentAsync();

        // Another device renames the profile after the page saved it.
        var elsewhere = await Profiles().GetProfileAsync(new GetProfileRequest { Id = id }, As("odile"));
        await Profiles().UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = id, Etag = elsewhere.Etag, DisplayName = "Odile on the phone" },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }, As("odile"));
        await profile.GetByLabel("Name shown to you").FillAsync("Odile B.");
        await save.ClickAsync();

        await Expect(page.Locator("#error")).ToContainTextAsync("changed elsewhere");
        Assert.Equal("Odile on the phone", Assert.Single(await StoredProfilesAsync("odile", id)).DisplayName);
        await save.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Profile updated.");
        Assert.Equal("Odile B.", Assert.Single(await StoredProfilesAsync("odile", id)).DisplayName);
    }

    [Fact]
    public async Task A_practitioner_sets_weekly_hours_a_client_books_and_the_practitioner_sees_the_booking()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await SignInByPastingAsync(page, RunningSystem.Token("pia"));

        var listing = page.Locator("#practitioner");
        await Expect(listing.GetByLabel("Modality")).ToContainTextAsync("Massage");
        await listing.GetByLabel("Display name").FillAsync("Pia Lindqvist, LMT");
        await listing.GetByLabel("Modality").SelectOptionAsync(new SelectOptionValue { Label = "Massage therapy" });
        await listing.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();
        await Expect(page.Locator("#listing-id")).Not.ToHaveTextAsync("none yet");
        var listingId = await page.Locator("#listing-id").TextContentAsync();
        // A second practice, made after the first (and not found by the client's "Lindqvist" search below).
        await listing.GetByLabel("Display name").FillAsync("Studio Pia");
        await listing.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();
        await Expect(page.Locator("#listing-id")).Not.ToHaveTextAsync(listingId!);

        // After a reload the page still knows her listings (ListListings), newest chosen, and she picks the first for its hours.
        await page.ReloadAsync();
        await Expect(page.Locator("#who")).ToHaveTextAsync("Signed in as pia.");
        var mine = listing.GetByLabel("Your listings");
        await Expect(mine.Locator("option")).ToHaveCountAsync(2);
        await Expect(mine.Locator("option").First).ToHaveTextAsync($"Pia Lindqvist, LMT ({listingId})");
        await Expect(mine.Locator("option").Last).ToContainTextAsync("Studio Pia");
        await Expect(page.Locator("#listing-id")).Not.ToHaveTextAsync("none yet");
        await mine.SelectOptionAsync(listingId!);
        await Expect(page.Locator("#listing-id")).ToHaveTextAsync(listingId!);

        await listing.GetByLabel("Session minutes").FillAsync("60");
        await listing.GetByRole(AriaRole.Button, new() { Name = "Save weekly hours" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Weekly hours saved");
        await BrowserSystem.ScreenshotAsync(page, "4-practitioner-hours");

        var client = await system.NewPageAsync();
        await client.GotoAsync("/");
        await SignInWithDevTokenAsync(client, "cleo");
        // The search shows when the practitioner can next see someone.
        var search = client.Locator("#search");
        await search.GetByLabel("Words").FillAsync("Lindqvist");
        await search.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var found = client.Locator("#search-results > li").First;
        await Expect(found).ToContainTextAsync("Pia Lindqvist");
        await Expect(found).ToContainTextAsync("next open");
        var booking = client.Locator("#booking");
        await booking.GetByLabel("Listing id").FillAsync(listingId!);
        // Two weeks of weekday hours are more than one page of 50: the page says so and shows the rest on request.
        await booking.GetByLabel("Days").FillAsync("14");
        await booking.GetByRole(AriaRole.Button, new() { Name = "Show open slots" }).ClickAsync();
        await Expect(client.Locator("#status")).ToHaveTextAsync("First 50 open slots shown; more are open in that range.");
        await Expect(client.Locator("#slot-list > li")).ToHaveCountAsync(50);
        await booking.GetByRole(AriaRole.Button, new() { Name = "Show more open slots" }).ClickAsync();
        await Expect(client.Locator("#status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]+ open slots\\.$"));
        Assert.True(await client.Locator("#slot-list > li").CountAsync() > 50);
        await Expect(booking.GetByRole(AriaRole.Button, new() { Name = "Show more open slots" })).ToBeHiddenAsync();
        var firstSlot = client.Locator("#slot-list button").First;
        await Expect(firstSlot).ToContainTextAsync("Book");
        await firstSlot.ClickAsync();
        await Expect(client.Locator("#status")).ToContainTextAsync("Booked");
        await BrowserSystem.ScreenshotAsync(client, "5-client-booked");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show my bookings" }).ClickAsync();
        await Expect(page.Locator("#booking-list > li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#booking-list")).ToContainTextAsync("cleo");
        await BrowserSystem.ScreenshotAsync(page, "6-practitioner-bookings");
    }

    [Fact]
    public async Task The_search_is_usable_from_the_keyboard_alone_and_every_control_is_labelled_and_reachable()
    {
        var page = await system.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/");
        await Expect(page.Locator("#search").GetByLabel("Modality")).ToContainTextAsync("Naturopathic medicine");

        // Keys only from the Words field: Tab through the form to the orientation, choose by typing, Tab on to the
        // distance, replace it, Tab past the max fee's currency and amount and telehealth to the Search button and
        // press it with the space bar.
        await page.Locator("#search").GetByLabel("Words").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("orientation", await page.EvaluateAsync<string>("document.activeElement.name"));
        await page.Keyboard.TypeAsync("Nature");
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("radius", await page.EvaluateAsync<string>("document.activeElement.name"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("25");
        for (var i = 0; i < 4; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Search", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Space");

        var results = page.Locator("#search-results > li");
        await Expect(results.First).ToContainTextAsync(SampleListings.Naturopath);
        await Expect(page.Locator("#search-results")).Not.ToContainTextAsync(SampleListings.BriskCardiologist);
        Assert.Equal("", await page.EvaluateAsync<string>(UnlabelledOrUnreachable));
    }

    [Fact]
    public async Task Fees_show_cents_only_when_there_are_some_in_the_currency_of_the_listing()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");

        // The page's own formatter (minor units as the API sends them, int64 as a JSON string) in Chromium's en-US.
        Assert.Equal("$90", await page.EvaluateAsync<string>("money('9000', 'USD')"));
        Assert.Equal("$92.50", await page.EvaluateAsync<string>("money('9250', 'USD')"));
        Assert.Equal("€0.05", await page.EvaluateAsync<string>("money('5', 'EUR')"));
        Assert.Equal("¥5,000", await page.EvaluateAsync<string>("money('5000', 'JPY')"));
    }

    /// <summary>Form controls a screen reader cannot name or the Tab key cannot reach, if any.</summary>
    private const string UnlabelledOrUnreachable = """
        Array.from(document.querySelectorAll('input, select, textarea, button'))
          .filter(e => e.type !== 'hidden')
          .filter(e => e.tabIndex < 0
            || (e.tagName === 'BUTTON' ? !e.textContent.trim() && !e.getAttribute('aria-label')
                                       : e.labels.length === 0 && !e.getAttribute('aria-label')))
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[' + e.name + ']' : ''))
          .join(' ')
        """;

    /// <summary>The elements that stick out past the right edge of the screen, if any.</summary>
    private const string WiderThanScreen = """
        Array.from(document.querySelectorAll('body *'))
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[' + e.name + ']' : ''))
          .join(' ')
        """;

    private ProfileService.ProfileServiceClient Profiles() => new(system.Channel());

    private static Metadata As(string user) => new() { { "authorization", "Bearer " + RunningSystem.Token(user) } };

    /// <summary>Every profile stored for <paramref name="user"/>, as the export of one of them (<paramref name="id"/>) lists them.</summary>
    private async Task<IReadOnlyList<Profile>> StoredProfilesAsync(string user, string? id)
    {
        var export = await Profiles().ExportProfileAsync(new ExportProfileRequest { Id = id }, As(user));
        using var json = JsonDocument.Parse(export.Json);
        return json.RootElement.GetProperty("profiles").EnumerateArray()
            .Select(p => JsonParser.Default.Parse<Profile>(p.GetRawText())).ToList();
    }

    private static async Task SignInWithDevTokenAsync(IPage page, string user)
    {
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Get a development token" }).ClickAsync();
        await Expect(page.Locator("#who")).ToHaveTextAsync($"Signed in as {user}.");
    }

    private static async Task SignInByPastingAsync(IPage page, string token)
    {
        await page.GetByLabel("Or paste a bearer token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this token" }).ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("Signed in as");
    }
}

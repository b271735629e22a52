using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Scenarios;

/// <summary>
/// Realistic situations from the essay's point of view, each with who must come first and who
/// must never appear. Every scenario builds its own small world; the class decides which system
/// (gateway of the running AppHost, or in-process Lucene) it runs against.
/// </summary>
public abstract class MatchingScenarios(IScenarioSystem system)
{
    private ScenarioWorld NewWorld(double? lat = null, double? lon = null) => new(system, lat, lon);

    private static IReadOnlyList<string> Ids(IEnumerable<Match> matches) => matches.Select(m => m.Listing.Id).ToArray();

    private static double Raw(Match match, string component) => match.Components.Single(c => c.Name == component).RawValue;

    [Fact]
    public async Task Barter_only_gardener_gets_only_barter_accepting_practitioners()
    {
        var world = NewWorld();
        var takesProduce = await world.PracticeAsync("Garden Gate Herbalist", "western-herbalism", 2, l => l.Terms.BarterAccepted.Add("produce"));
        var takesCarpentry = await world.PracticeAsync("Woodshop Massage", "massage-therapy", 2, l => l.Terms.BarterAccepted.Add("carpentry"));
        var feesOnly = await world.PracticeAsync("Fee-only Acupuncture", "tcm-acupuncture", 1);
        var gardener = await world.ClientAsync(p => { p.Budget = null; p.BarterOffers.Add("produce"); });

        var matches = await world.MatchesAsync(gardener);

        Assert.Equal([takesProduce.Id], Ids(matches));
        Assert.Contains("Accepts barter: produce", matches[0].Reasons);
        Assert.DoesNotContain(takesCarpentry.Id, Ids(matches));
        Assert.DoesNotContain(feesOnly.Id, Ids(matches));
    }

    [Fact]
    public async Task Referral_includes_the_respectful_cardiologist_even_though_conventional()
    {
        var world = NewWorld();
        var respectful = await world.CardiologistAsync("Dr. Ana Lima, MD", respectful: true, km: 20);
        var dismissive = await world.CardiologistAsync("Dr. Brisk, MD", respectful: false, km: 2, l =>
        {
            l.Orientation = Orientation.NatureOriented;
            l.LifestyleTags.Add("organic-food");
        });
        var client = await world.ClientAsync(careTeam: [("My naturopath", CareLayer.Body, "naturopathy")]);

        var referrals = await world.ReferralsAsync(client, ScenarioWorld.Cardiology);

        Assert.Equal([respectful.Id, dismissive.Id], Ids(referrals));
        Assert.Equal(Orientation.Conventional, referrals[0].Listing.Orientation);
        Assert.Contains("Informs you of all your options, including gentler ones", referrals[0].Reasons);
        Assert.Contains("Works alongside your care team (naturopathy)", referrals[0].Reasons);
    }

    [Fact]
    public async Task Referral_by_modality_code_finds_the_same_cardiologist()
    {
        var world = NewWorld();
        var cardiologist = await world.CardiologistAsync("Dr. Ana Lima, MD", respectful: true, km: 5);
        var client = await world.ClientAsync();

        var referrals = await world.ReferralsAsync(client, "cardiology");

        Assert.Equal([cardiologist.Id], Ids(referrals));
    }

    [Fact]
    public async Task Referral_respects_avoided_modalities()
    {
        var world = NewWorld();
        const string Orthopedics = "207X00000X";
        var surgeon = await world.PracticeAsync("Dr. Steady, MD", "orthopedic-surgery", 3, l => l.Specialties.Add(Orthopedics));
        var alsoAdjusts = await world.PracticeAsync("Dr. Crack, DC MD", "orthopedic-surgery", 1, l =>
        {
            l.Specialties.Add(Orthopedics);
            l.Modalities.Add("chiropractic");
        });
        var client = await world.ClientAsync(p => p.AvoidedModalities.Add("chiropractic"));

        var referrals = await world.ReferralsAsync(client, Orthopedics);

        Assert.Equal([surgeon.Id], Ids(referrals));
        Assert.DoesNotContain(alsoAdjusts.Id, Ids(referrals));
    }

    [Fact]
    public async Task Client_avoiding_chiropractic_never_sees_a_chiropractor()
    {
        var world = NewWorld();
        var chiropractor = await world.PracticeAsync("Spine Align Chiropractic", "chiropractic", 1);
        var mixed = await world.PracticeAsync("Body Balance Clinic", "massage-therapy", 1, l => l.Modalities.Add("chiropractic"));
        var massage = await world.PracticeAsync("Gentle Hands Massage", "massage-therapy", 5);
        var client = await world.ClientAsync(p => p.AvoidedModalities.Add("chiropractic"));

        var matches = await world.MatchesAsync(client);

        Assert.Equal([massage.Id], Ids(matches));
        Assert.DoesNotContain(chiropractor.Id, Ids(matches));
        Assert.DoesNotContain(mixed.Id, Ids(matches));
    }

    [Fact]
    public async Task Spanish_speaking_client_in_Mexico_City_sees_only_spanish_speakers()
    {
        var world = NewWorld(19.4326 + Random.Shared.NextDouble() * 0.2, -99.1332 + Random.Shared.NextDouble() * 0.2);
        void InMexico(Listing l, params string[] languages)
        {
            l.Terms = new ExchangeTerms { Currency = "MXN", FeeMin = 60000, FeeMax = 90000 };
            l.Locations[0].Country = "MX";
            l.TimeZone = "America/Mexico_City";
            l.Languages.Clear();
            l.Languages.AddRange(languages);
        }
        var curandera = await world.PracticeAsync("Doña Rosa, curandera", "curanderismo", 2, l => InMexico(l, "es"));
        var bilingual = await world.PracticeAsync("Clínica Integrativa Roma", "integrative-medicine", 4, l => InMexico(l, "es", "en"));
        var englishOnly = await world.PracticeAsync("Expat Wellness", "integrative-medicine", 1, l => InMexico(l, "en"));
        var client = await world.ClientAsync(p =>
        {
            p.Languages.Clear();
            p.Languages.Add("es");
            p.Budget = new Budget { Currency = "MXN", MaxPerSession = 100000 };
        });

        var matches = await world.MatchesAsync(client);

        Assert.Equal([curandera.Id, bilingual.Id], Ids(matches));
        Assert.DoesNotContain(englishOnly.Id, Ids(matches));
        Assert.All(matches, m => Assert.Contains("es", m.Listing.Languages));
    }

    [Fact]
    public async Task Stale_listing_ranks_below_equal_fresh_one_and_says_so()
    {
        var (world, stale) = (system.Aging.World, system.Aging.Listing);
        await system.Aging.WaitUntilStaleAsync();
        var fresh = await world.PracticeAsync("Sunrise Naturopathy", "naturopathy", 3);
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client);
        var freshOnly = await world.MatchesAsync(client, new MatchFilters { ExcludeStale = true });

        Assert.Equal([fresh.Id, stale.Id], Ids(matches));
        Assert.True(matches[1].Listing.Stale);
        Assert.Equal(0.7, Raw(matches[1], "freshness"), 9);
        Assert.Equal(matches[0].Score * 0.7, matches[1].Score, 6);
        Assert.Contains(matches[1].Reasons, r => r.StartsWith("Not reconfirmed by the practitioner recently", StringComparison.Ordinal));
        Assert.Equal([fresh.Id], Ids(freshOnly));
    }

    [Fact]
    public async Task Sliding_scale_reaches_a_tight_budget()
    {
        var world = NewWorld();
        var sliding = await world.PracticeAsync("Community Acupuncture", "tcm-acupuncture", 3, l =>
            l.Terms = new ExchangeTerms { Currency = "USD", FeeMin = 9000, FeeMax = 15000, SlidingScaleMin = 4000 });
        var fixedFee = await world.PracticeAsync("Downtown Acupuncture", "tcm-acupuncture", 1, l =>
            l.Terms = new ExchangeTerms { Currency = "USD", FeeMin = 9000, FeeMax = 15000 });
        var client = await world.ClientAsync(p => { p.Budget = new Budget { Currency = "USD", MaxPerSession = 5000 }; p.SlidingScaleNeeded = true; });

        var matches = await world.MatchesAsync(client);

        Assert.Equal([sliding.Id], Ids(matches));
        Assert.Contains("Sliding scale from $40 fits your $50 budget", matches[0].Reasons);
        Assert.Equal(1.0, Raw(matches[0], "terms"), 9);
        Assert.DoesNotContain(fixedFee.Id, Ids(matches));
    }

    [Fact]
    public async Task Fee_above_budget_appears_only_when_the_client_asks_to_see_all_and_scores_zero_on_terms()
    {
        var world = NewWorld();
        var pricey = await world.PracticeAsync("Premium Functional Medicine", "functional-nutrition", 2, l =>
            l.Terms = new ExchangeTerms { Currency = "USD", FeeMin = 30000, FeeMax = 45000 });
        var client = await world.ClientAsync(p => p.Budget = new Budget { Currency = "USD", MaxPerSession = 6000 });

        var feasible = await world.MatchesAsync(client);
        var all = await world.MatchesAsync(client, new MatchFilters { IncludeInfeasibleTerms = true });

        Assert.Empty(feasible);
        Assert.Equal([pricey.Id], Ids(all));
        Assert.Equal(0, Raw(all[0], "terms"));
        Assert.Contains("Terms beyond what you said you can give", all[0].Reasons);
    }

    [Fact]
    public async Task Budget_in_another_currency_is_not_taken_as_affordable()
    {
        var world = NewWorld();
        await world.PracticeAsync("Dollar Yoga Therapy", "yoga-therapy", 2);
        var client = await world.ClientAsync(p => p.Budget = new Budget { Currency = "EUR", MaxPerSession = 50000 });

        Assert.Empty(await world.MatchesAsync(client));
    }

    [Fact]
    public async Task Client_without_a_budget_sees_expensive_practices_scored_as_unknown_terms()
    {
        var world = NewWorld();
        var pricey = await world.PracticeAsync("Premium Functional Medicine", "functional-nutrition", 2, l =>
            l.Terms = new ExchangeTerms { Currency = "USD", FeeMin = 30000, FeeMax = 45000 });
        var client = await world.ClientAsync(p => p.Budget = null);

        var matches = await world.MatchesAsync(client);

        Assert.Equal([pricey.Id], Ids(matches));
        Assert.Equal(0.5, Raw(matches[0], "terms"), 9);
    }

    [Fact]
    public async Task Telehealth_client_far_from_everyone_still_gets_telehealth_matches()
    {
        var world = NewWorld();
        var remote = await world.PracticeAsync("Online Health Coaching", "health-coaching", 600, l => l.Telehealth = true);
        var inPersonOnly = await world.PracticeAsync("Far Away Reflexology", "reflexology", 600);
        var client = await world.ClientAsync(p => p.TelehealthOk = true);

        var matches = await world.MatchesAsync(client);

        Assert.Contains(remote.Id, Ids(matches));
        Assert.DoesNotContain(inPersonOnly.Id, Ids(matches));
        Assert.All(matches, m => Assert.True(m.Listing.Telehealth, $"{m.Listing.DisplayName} is not reachable by telehealth"));
        var ours = matches.Single(m => m.Listing.Id == remote.Id);
        Assert.Equal(0.6, Raw(ours, "distance"), 9);
        Assert.Contains("Sees you by telehealth", ours.Reasons);
    }

    [Fact]
    public async Task Client_who_will_not_use_telehealth_never_sees_a_distant_telehealth_practice()
    {
        var world = NewWorld();
        await world.PracticeAsync("Online Health Coaching", "health-coaching", 300, l => l.Telehealth = true);
        var client = await world.ClientAsync();

        Assert.Empty(await world.MatchesAsync(client));
    }

    [Fact]
    public async Task Practitioner_beyond_travel_range_never_appears_but_a_wider_range_finds_them()
    {
        var world = NewWorld();
        var beyond = await world.PracticeAsync("Hill Country Herbalist", "western-herbalism", 40);
        var client = await world.ClientAsync();

        var usual = await world.MatchesAsync(client);
        var wider = await world.MatchesAsync(client, new MatchFilters { MaxTravelKm = 60 });

        Assert.Empty(usual);
        Assert.Equal([beyond.Id], Ids(wider));
        Assert.True(Raw(wider[0], "distance") > 0.3, "a practitioner within the widened range is scored as a trip, not out of reach");
    }

    [Fact]
    public async Task Time_bank_member_finds_only_time_bank_practices()
    {
        var world = NewWorld();
        var timeBank = await world.PracticeAsync("Neighbourhood Reiki Circle", "reiki", 2, l => l.Terms.TimeBank = true);
        var feesOnly = await world.PracticeAsync("Reiki Studio", "reiki", 1);
        var member = await world.ClientAsync(p => { p.Budget = null; p.TimeBankHours = true; });

        var matches = await world.MatchesAsync(member);

        Assert.Equal([timeBank.Id], Ids(matches));
        Assert.Contains("Accepts time-bank hours", matches[0].Reasons);
        Assert.DoesNotContain(feesOnly.Id, Ids(matches));
    }

    [Fact]
    public async Task Product_driven_practice_ranks_lower_for_equal_fit()
    {
        var world = NewWorld();
        var service = await world.PracticeAsync("Whole Person Nutrition", "holistic-nutrition", 3);
        var shop = await world.PracticeAsync("Supplement Corner Nutrition", "holistic-nutrition", 3, l =>
        {
            l.Approach.SellsProducts = true;
            l.Approach.ProductShare = 0.9;
        });
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client);

        Assert.Equal([service.Id, shop.Id], Ids(matches));
        Assert.Contains("Products are central to this practice", matches[1].Reasons);
    }

    [Fact]
    public async Task Practitioner_not_accepting_new_clients_never_appears()
    {
        var world = NewWorld();
        var full = await world.PracticeAsync("Booked Solid Naturopathy", "naturopathy", 1, l => l.AcceptingNewClients = false);
        var open = await world.PracticeAsync("Open Door Naturopathy", "naturopathy", 8);
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client);

        Assert.Equal([open.Id], Ids(matches));
        Assert.DoesNotContain(full.Id, Ids(matches));
    }

    [Fact]
    public async Task Nature_oriented_client_sees_the_kindred_practitioner_before_the_conventional_one()
    {
        var world = NewWorld();
        var conventional = await world.PracticeAsync("Main Street Family Practice", "family-medicine", 2, l => l.Orientation = Orientation.Conventional);
        var kindred = await world.PracticeAsync("Green Valley Family Medicine", "family-medicine", 2, l =>
        {
            l.Orientation = Orientation.NatureOriented;
            l.LifestyleTags.Add("organic-food");
        });
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client);

        Assert.Equal([kindred.Id, conventional.Id], Ids(matches));
        Assert.Contains("Nature-oriented, as you prefer", matches[0].Reasons);
        Assert.Contains("Conventional, unlike your preference for nature-oriented care", matches[1].Reasons);
    }

    [Fact]
    public async Task Shared_lifestyle_tags_lift_a_practitioner_above_an_otherwise_equal_one()
    {
        var world = NewWorld();
        var stranger = await world.PracticeAsync("Riverside Ayurveda", "ayurveda", 2, l => l.Orientation = Orientation.NatureOriented);
        var kindred = await world.PracticeAsync("Hearth Ayurveda", "ayurveda", 2, l =>
        {
            l.Orientation = Orientation.NatureOriented;
            l.LifestyleTags.AddRange(["organic-food", "herbs-first"]);
        });
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client);

        Assert.Equal([kindred.Id, stranger.Id], Ids(matches));
        Assert.Contains("Supports your way of life: organic-food, herbs-first", matches[0].Reasons);
    }

    [Fact]
    public async Task Listening_practitioner_with_a_long_first_visit_ranks_above_a_rushed_one()
    {
        var world = NewWorld();
        var rushed = await world.PracticeAsync("Quick Visit Homeopathy", "homeopathy", 2, l => l.Approach.IntakeMinutes = 10);
        var listening = await world.PracticeAsync("Story First Homeopathy", "homeopathy", 2, l => l.Approach.IntakeMinutes = 90);
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client);

        Assert.Equal([listening.Id, rushed.Id], Ids(matches));
        Assert.Contains("First visit of 90 minutes to hear your story", matches[0].Reasons);
    }

    [Fact]
    public async Task Dogmatic_practice_that_decides_alone_ranks_below_an_open_one()
    {
        var world = NewWorld();
        var dogmatic = await world.PracticeAsync("The Only Way Clinic", "naturopathy", 1, l =>
        {
            l.Approach.SharedDecisions = false;
            l.Approach.InformsOfOptions = false;
        });
        var open = await world.PracticeAsync("Many Paths Naturopathy", "naturopathy", 1, l => l.Approach.CollaboratesWith.AddRange(["massage-therapy", "counselling"]));
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client);

        Assert.Equal([open.Id, dogmatic.Id], Ids(matches));
        Assert.Contains("Shares decisions; the final choice is yours", matches[0].Reasons);
        Assert.Contains("Works alongside other healing partners", matches[0].Reasons);
        Assert.DoesNotContain("Shares decisions; the final choice is yours", matches[1].Reasons);
    }

    [Fact]
    public async Task Sought_modality_outranks_a_nearer_unrelated_practice()
    {
        var world = NewWorld();
        var nearby = await world.PracticeAsync("Corner Massage", "massage-therapy", 0.5);
        var acupuncture = await world.PracticeAsync("Needle and Thread Acupuncture", "tcm-acupuncture", 12);
        var client = await world.ClientAsync(p => p.SoughtModalities.Add("tcm-acupuncture"));

        var matches = await world.MatchesAsync(client);

        Assert.Equal([acupuncture.Id, nearby.Id], Ids(matches));
        Assert.Contains("Offers tcm-acupuncture, which you are looking for", matches[0].Reasons);
    }

    [Fact]
    public async Task Nearest_of_two_equal_practices_ranks_first()
    {
        var world = NewWorld();
        var far = await world.PracticeAsync("Lakeside Shiatsu", "shiatsu", 15);
        var near = await world.PracticeAsync("Village Shiatsu", "shiatsu", 2);
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client);

        Assert.Equal([near.Id, far.Id], Ids(matches));
        Assert.Contains("2 km from you", matches[0].Reasons);
    }

    [Fact]
    public async Task Client_who_puts_distance_first_gets_the_nearest_practice_first()
    {
        var world = NewWorld();
        var kindred = await world.PracticeAsync("Wild Roots Herbalism", "western-herbalism", 20, l =>
        {
            l.Orientation = Orientation.NatureOriented;
            l.LifestyleTags.AddRange(["organic-food", "herbs-first"]);
        });
        var nearby = await world.PracticeAsync("Pharmacy Herb Desk", "western-herbalism", 0.5, l => l.Orientation = Orientation.Conventional);
        var client = await world.ClientAsync();

        var byDefault = await world.MatchesAsync(client);
        var byDistance = await world.MatchesAsync(client, weights: new MatchWeights { Distance = 10, Lifestyle = 0 });

        Assert.Equal([kindred.Id, nearby.Id], Ids(byDefault));
        Assert.Equal([nearby.Id, kindred.Id], Ids(byDistance));
    }

    [Fact]
    public async Task Identical_practices_are_ranked_by_id_every_time()
    {
        var world = NewWorld();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await world.PracticeAsync("Twin Tai Chi " + i, "tai-chi", 3)).Id);
        var client = await world.ClientAsync();

        var first = await world.MatchesAsync(client);
        var again = await world.MatchesAsync(client, weights: new MatchWeights { Approach = 2 });

        Assert.Equal(ids.Order(StringComparer.Ordinal), Ids(first));
        Assert.Equal(Ids(first), Ids(again));
        Assert.Equal([1, 2, 3], first.Select(m => m.Rank));
    }

    [Fact]
    public async Task Free_text_narrows_to_the_practice_described()
    {
        var world = NewWorld();
        var cranio = await world.PracticeAsync("Still Point Craniosacral", "craniosacral-therapy", 3);
        var lymph = await world.PracticeAsync("Flow Lymphatic Care", "lymphatic-drainage", 3);
        var client = await world.ClientAsync();

        var matches = await world.MatchesAsync(client, new MatchFilters { Query = "craniosacral" });

        Assert.Equal([cranio.Id], Ids(matches));
        Assert.DoesNotContain(lymph.Id, Ids(matches));
    }

    [Fact]
    public async Task Care_team_with_body_and_mind_is_offered_spirit_and_maintenance_partners()
    {
        var world = NewWorld();
        var reiki = await world.PracticeAsync("Quiet Hands Reiki", "reiki", 3);
        var yoga = await world.PracticeAsync("Morning Yoga Therapy", "yoga-therapy", 4);
        var counsellor = await world.PracticeAsync("Listening Room Counselling", "counselling", 2);
        var client = await world.ClientAsync(careTeam: [("My naturopath", CareLayer.Body, "naturopathy"), ("My counsellor", CareLayer.Mind, "counselling")]);

        var plan = await world.CareTeamAsync(client);

        Assert.Equal([CareLayer.Body, CareLayer.Mind], plan.CoveredLayers);
        Assert.Equal([CareLayer.Spirit, CareLayer.Maintenance], plan.Suggestions.Select(s => s.Layer));
        Assert.Equal([reiki.Id], Ids(plan.Suggestions[0].Candidates));
        Assert.Equal([yoga.Id], Ids(plan.Suggestions[1].Candidates));
        Assert.DoesNotContain(plan.Suggestions.SelectMany(s => s.Candidates), c => c.Listing.Id == counsellor.Id);
    }

    [Fact]
    public async Task Care_team_suggestions_never_include_an_avoided_modality()
    {
        var world = NewWorld();
        await world.PracticeAsync("Quiet Hands Reiki", "reiki", 1);
        var sound = await world.PracticeAsync("Singing Bowl Sound Healing", "sound-healing", 5);
        var client = await world.ClientAsync(p => p.AvoidedModalities.Add("reiki"));

        var plan = await world.CareTeamAsync(client);

        var spirit = plan.Suggestions.Single(s => s.Layer == CareLayer.Spirit);
        Assert.Equal([sound.Id], Ids(spirit.Candidates));
    }

    [Fact]
    public async Task Care_team_covering_every_layer_gets_no_suggestions()
    {
        var world = NewWorld();
        await world.PracticeAsync("Quiet Hands Reiki", "reiki", 1);
        var client = await world.ClientAsync(careTeam:
        [
            ("Naturopath", CareLayer.Body, "naturopathy"), ("Counsellor", CareLayer.Mind, "counselling"),
            ("Reiki", CareLayer.Spirit, "reiki"), ("Yoga", CareLayer.Maintenance, "yoga-therapy"),
        ]);

        var plan = await world.CareTeamAsync(client);

        Assert.Empty(plan.Suggestions);
        Assert.Equal([CareLayer.Body, CareLayer.Mind, CareLayer.Spirit, CareLayer.Maintenance], plan.CoveredLayers);
    }
}

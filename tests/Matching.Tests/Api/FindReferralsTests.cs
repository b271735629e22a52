using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Api;

[Collection(MatchingSystemCollection.Name)]
public sealed class FindReferralsTests(MatchingSystem fixture)
{
    private const string Cardiology = "207RC0000X";

    private TestSystem System => fixture.System;

    [Fact]
    public async Task The_respectful_cardiologist_comes_first_over_a_nearer_disrespectful_one_of_the_clients_own_orientation()
    {
        var world = new World(System);
        var respectful = await world.AddAsync(world.Cardiologist("Dr. Ana Lima, MD", respectful: true, km: 30));
        var cold = world.Cardiologist("Dr. Brisk, MD", respectful: false, km: 1);
        cold.Orientation = Directory.V1.Orientation.NatureOriented;
        cold.LifestyleTags.Add("organic-food");
        cold = await world.AddAsync(cold);
        var profile = await world.ClientAsync();
        await System.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { Name = "My naturopath", Layer = CareLayer.Body, Cadence = Cadence.Regular, Modalities = { "naturopathy" } },
        }, Tokens.As(world.Client));

        var response = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = Cardiology }, Tokens.As(world.Client));

        Assert.Equal([respectful.Id, cold.Id], response.Referrals.Select(r => r.Listing.Id));
        var first = response.Referrals[0];
        Assert.Contains("Shares decisions with you; the final choice stays yours", first.Reasons);
        Assert.Contains("Works alongside your care team (naturopathy)", first.Reasons);
        Assert.Equal(["respect", "distance", "terms", "availability", "freshness"], first.Components.Select(c => c.Name));
        // 30 km is within the referral radius (50 km), so it is scored as a trip, not as out of
        // reach, and on the referral curve, never below telehealth (0.6).
        Assert.Equal(0.6 + 0.4 / (1 + Math.Pow(30 / 25.0, 2)), first.Components.Single(c => c.Name == "distance").RawValue, 2);
    }

    [Fact]
    public async Task A_care_partner_added_from_the_directory_counts_for_collaboration_with_the_listings_modalities()
    {
        var world = new World(System);
        var respectful = await world.AddAsync(world.Cardiologist("Dr. Ana Lima, MD", respectful: true, km: 5));
        var naturopath = await world.AddAsync(world.Naturopath("Maya Okafor, ND", km: 3));
        var profile = await world.ClientAsync();
        // Only the listing id: its modalities (naturopathy) come from the directory, not from the client.
        await world.AddToCareTeamAsync(profile, naturopath);

        var response = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = Cardiology }, Tokens.As(world.Client));

        var referral = Assert.Single(response.Referrals);
        Assert.Equal(respectful.Id, referral.Listing.Id);
        Assert.Contains("Works alongside your care team (naturopathy)", referral.Reasons);
        Assert.Equal(1.0, referral.Components.Single(c => c.Name == "respect").RawValue, 6);
    }

    [Fact]
    public async Task A_respectful_cardiologist_is_referred_behind_more_nearer_ones_than_the_pool()
    {
        // The pool was the nearest hundred: a respectful specialist just beyond them was never scored.
        var world = new World(System);
        var language = IsolatedLanguage.New(); // a hard filter that keeps this test's pool its own
        Directory.V1.Listing Speaking(Directory.V1.Listing listing)
        {
            listing.Languages.Clear();
            listing.Languages.Add(language);
            return listing;
        }
        await Task.WhenAll(Enumerable.Range(0, HealingNetwork.Matching.Domain.CandidateQuery.PoolSize + 10).Select(i =>
            world.AddAsync(Speaking(world.Cardiologist($"Dr. Near {i}, MD", respectful: false, km: 1 + i / 1000.0)))));
        var respectful = await world.AddAsync(Speaking(world.Cardiologist("Dr. Ana Lima, MD", respectful: true, km: 20)));
        var client = world.NatureClient();
        client.Languages.Clear();
        client.Languages.Add(language);
        var profile = await world.ClientAsync(client);

        var response = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = Cardiology, PageSize = 5 }, Tokens.As(world.Client));

        Assert.Equal(respectful.Id, response.Referrals[0].Listing.Id);
        Assert.InRange(response.Referrals[0].DistanceKm, 19.5, 20.5);
    }

    [Fact]
    public async Task A_telehealth_only_client_is_referred_to_telehealth_specialists_not_to_one_nearby_in_person()
    {
        var world = new World(System);
        var inPerson = world.Cardiologist("Dr. Down The Road, MD", respectful: true, km: 1.4);
        inPerson.Telehealth = false;
        inPerson = await world.AddAsync(inPerson);
        var client = world.NatureClient();
        client.MaxTravelKm = 0; // telehealth only (profiles.proto)
        client.TelehealthOk = true;
        var profile = await world.ClientAsync(client);

        var referrals = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = Cardiology }, Tokens.As(world.Client));
        var matches = await System.Matching.FindMatchesAsync(new FindMatchesRequest { ProfileId = profile.Id }, Tokens.As(world.Client));
        // Naming a point is how a client asks for in-person specialists anyway.
        var (lat, lon) = (world.Lat, world.Lon);
        var there = await System.Matching.FindReferralsAsync(new FindReferralsRequest
        {
            ProfileId = profile.Id, Specialty = Cardiology, PageSize = 50, Near = new Directory.V1.GeoRadius { Lat = lat, Lon = lon, RadiusKm = 10 },
        }, Tokens.As(world.Client));

        Assert.DoesNotContain(inPerson.Id, referrals.Referrals.Select(r => r.Listing.Id));
        Assert.All(referrals.Referrals, r => Assert.True(r.Listing.Telehealth));
        Assert.DoesNotContain(inPerson.Id, matches.Matches.Select(m => m.Listing.Id)); // as FindMatches
        Assert.Contains(inPerson.Id, there.Referrals.Select(r => r.Listing.Id));
    }

    [Fact]
    public async Task A_referral_asked_for_by_name_is_given_even_when_the_client_avoids_that_modality()
    {
        // Avoiding chiropractic in matches is a preference; asking for a chiropractor is a choice, and the choice is the client's.
        var world = new World(System);
        var chiropractor = world.Cardiologist("Dr. Spine, DC", respectful: true, km: 3);
        chiropractor.Modalities.Clear();
        chiropractor.Modalities.Add("chiropractic");
        chiropractor.Specialties.Clear();
        chiropractor = await world.AddAsync(chiropractor);
        var client = world.NatureClient();
        client.AvoidedModalities.Add("chiropractic");
        var profile = await world.ClientAsync(client);

        var response = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = "chiropractic" }, Tokens.As(world.Client));

        Assert.Equal([chiropractor.Id], response.Referrals.Select(r => r.Listing.Id));
    }

    [Fact]
    public async Task A_cardiologist_who_merely_offers_a_care_partners_specialty_is_not_said_to_work_alongside_the_care_team()
    {
        // Offering the same specialty as someone on the care team is not working alongside them:
        // only the specialist's own collaborates_with says that.
        var world = new World(System);
        var partner = await world.AddAsync(world.Cardiologist("Dr. Own, MD", respectful: true, km: 2));
        var plain = world.Cardiologist("Dr. Plain, MD", respectful: false, km: 3);
        plain.Approach = new Directory.V1.Approach();
        plain = await world.AddAsync(plain);
        var profile = await world.ClientAsync();
        await world.AddToCareTeamAsync(profile, partner);

        var response = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = Cardiology }, Tokens.As(world.Client));

        var referral = Assert.Single(response.Referrals, r => r.Listing.Id == plain.Id);
        Assert.DoesNotContain(referral.Reasons, r => r.StartsWith("Works alongside", StringComparison.Ordinal));
        Assert.Equal(0, referral.Components.Single(c => c.Name == "respect").RawValue, 6);
    }

    [Fact]
    public async Task The_clients_own_care_partner_is_not_referred_to_them_as_a_new_specialist()
    {
        var world = new World(System);
        var partner = await world.AddAsync(world.Cardiologist("Dr. Own, MD", respectful: true, km: 2));
        var other = await world.AddAsync(world.Cardiologist("Dr. New, MD", respectful: false, km: 4));
        var profile = await world.ClientAsync();
        await world.AddToCareTeamAsync(profile, partner);

        var response = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = Cardiology }, Tokens.As(world.Client));

        Assert.Equal([other.Id], response.Referrals.Select(r => r.Listing.Id));
    }

    [Fact]
    public async Task Asking_by_NUCC_code_or_by_modality_code_refers_the_same_specialists()
    {
        // ListModalities maps cardiology to 207RC0000X: a listing may give the modality, the
        // specialty code or both, and either form of the request finds all of them.
        var world = new World(System);
        var both = await world.AddAsync(world.Cardiologist("Dr. Both, MD", respectful: true, km: 2));
        var modalityOnly = world.Cardiologist("Dr. Modality, MD", respectful: true, km: 3);
        modalityOnly.Specialties.Clear();
        modalityOnly = await world.AddAsync(modalityOnly);
        var specialtyOnly = world.Cardiologist("Dr. Specialty, MD", respectful: true, km: 4);
        specialtyOnly.Modalities.Clear();
        specialtyOnly.Modalities.Add("internal-medicine");
        specialtyOnly = await world.AddAsync(specialtyOnly);
        var profile = await world.ClientAsync();

        var byCode = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = Cardiology }, Tokens.As(world.Client));
        var byModality = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = "cardiology" }, Tokens.As(world.Client));

        Assert.Equal([both.Id, modalityOnly.Id, specialtyOnly.Id], byCode.Referrals.Select(r => r.Listing.Id));
        Assert.Equal(byCode.Referrals.Select(r => r.Listing.Id), byModality.Referrals.Select(r => r.Listing.Id));
    }

    [Fact]
    public async Task An_avoided_modality_asked_for_by_its_NUCC_code_is_referred_as_when_asked_for_by_its_modality_code()
    {
        var world = new World(System);
        var cardiologist = await world.AddAsync(world.Cardiologist("Dr. Heart, MD", respectful: true, km: 2));
        var alsoNaturopath = world.Cardiologist("Dr. Heart and Herbs, MD ND", respectful: true, km: 3);
        alsoNaturopath.Modalities.Add("naturopathy");
        alsoNaturopath = await world.AddAsync(alsoNaturopath);
        var client = world.NatureClient();
        client.SoughtModalities.Clear();
        client.AvoidedModalities.Add("naturopathy");
        client.AvoidedModalities.Add("cardiology");
        var profile = await world.ClientAsync(client);

        var byCode = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = Cardiology }, Tokens.As(world.Client));
        var byModality = await System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = "cardiology" }, Tokens.As(world.Client));

        // Cardiology was asked for by name (either name); naturopathy, still avoided, keeps the other out.
        Assert.Equal([cardiologist.Id], byCode.Referrals.Select(r => r.Listing.Id));
        Assert.Equal([cardiologist.Id], byModality.Referrals.Select(r => r.Listing.Id));
    }

    [Fact]
    public async Task With_a_searched_point_the_distance_is_said_to_be_from_that_place_not_from_the_client()
    {
        var world = new World(System);
        var cardiologist = await world.AddAsync(world.Cardiologist("Dr. Heart, MD", respectful: true, km: 500 + 10.8));
        var (lat, lon) = world.North(500); // the client lives 500 km south of the place searched
        var profile = await world.ClientAsync();

        var there = await System.Matching.FindReferralsAsync(new FindReferralsRequest
        {
            ProfileId = profile.Id, Specialty = Cardiology, Near = new Directory.V1.GeoRadius { Lat = lat, Lon = lon, RadiusKm = 30 },
        }, Tokens.As(world.Client));

        var referral = Assert.Single(there.Referrals);
        Assert.Equal(cardiologist.Id, referral.Listing.Id);
        Assert.Contains("10.8 km from the place you searched", referral.Reasons);
        Assert.DoesNotContain(referral.Reasons, r => r.EndsWith("km from you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_in_person_specialist_inside_the_searched_radius_ranks_above_an_equal_one_far_away_by_telehealth()
    {
        var world = new World(System);
        var language = IsolatedLanguage.New(); // keeps the far telehealth listing out of other tests' pools
        Directory.V1.Listing Speaking(Directory.V1.Listing listing)
        {
            listing.Languages.Clear();
            listing.Languages.Add(language);
            return listing;
        }
        var inPerson = await world.AddAsync(Speaking(world.Cardiologist("Dr. In Town, MD", respectful: true, km: 20)));
        var remote = world.Cardiologist("Dr. Far Screen, MD", respectful: true, km: 946);
        remote.Telehealth = true;
        remote = await world.AddAsync(Speaking(remote));
        var alsoRemoteCapable = world.Cardiologist("Dr. In Town Online Too, MD", respectful: true, km: 25);
        alsoRemoteCapable.Telehealth = true;
        alsoRemoteCapable = await world.AddAsync(Speaking(alsoRemoteCapable));
        var client = world.NatureClient();
        client.TelehealthOk = true;
        client.Languages.Clear();
        client.Languages.Add(language);
        var profile = await world.ClientAsync(client);

        var response = await System.Matching.FindReferralsAsync(new FindReferralsRequest
        {
            ProfileId = profile.Id, Specialty = Cardiology, Near = new Directory.V1.GeoRadius { Lat = world.Lat, Lon = world.Lon, RadiusKm = 30 },
        }, Tokens.As(world.Client));

        // Alike in all else, the two inside the radius (nearer first) come before the one 946 km away.
        Assert.Equal([inPerson.Id, alsoRemoteCapable.Id, remote.Id], response.Referrals.Select(r => r.Listing.Id));
        Assert.Contains("Sees you by telehealth", response.Referrals[2].Reasons);
    }

    [Fact]
    public async Task An_unknown_specialty_is_an_invalid_argument()
    {
        var world = new World(System);
        var profile = await world.ClientAsync();

        await RpcAssert.InvalidField("specialty", () => System.Matching.FindReferralsAsync(
            new FindReferralsRequest { ProfileId = profile.Id, Specialty = "not-a-specialty" }, Tokens.As(world.Client)).ResponseAsync);
    }
}

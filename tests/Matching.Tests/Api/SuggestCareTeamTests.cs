using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Api;

[Collection(MatchingSystemCollection.Name)]
public sealed class SuggestCareTeamTests(MatchingSystem fixture)
{
    private TestSystem System => fixture.System;

    private static Listing As(Listing listing, string name, string modality)
    {
        listing.DisplayName = name;
        listing.Modalities.Clear();
        listing.Modalities.Add(modality);
        listing.Specialties.Clear();
        listing.Licensure = new Licensure { Kind = LicensureKind.Certified, Credential = "Certified" };
        return listing;
    }

    [Fact]
    public async Task A_team_with_only_a_body_partner_is_offered_mind_spirit_and_maintenance_candidates()
    {
        var world = new World(System);
        var counsellor = await world.AddAsync(As(world.Naturopath("x", km: 2), "Listening Room Counselling", "counselling"));
        var reiki = await world.AddAsync(As(world.Naturopath("x", km: 3), "Quiet Hands Reiki", "reiki"));
        var massage = await world.AddAsync(As(world.Naturopath("x", km: 4), "Tuesday Massage", "massage-therapy"));
        var profile = await world.ClientAsync();
        await System.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { Name = "My naturopath", Layer = CareLayer.Body, Cadence = Cadence.Regular, Modalities = { "naturopathy" } },
        }, Tokens.As(world.Client));

        var response = await System.Matching.SuggestCareTeamAsync(new SuggestCareTeamRequest { ProfileId = profile.Id }, Tokens.As(world.Client));

        Assert.Equal([CareLayer.Body], response.CoveredLayers);
        Assert.Equal([CareLayer.Mind, CareLayer.Spirit, CareLayer.Maintenance], response.Suggestions.Select(s => s.Layer));
        Assert.Equal([counsellor.Id], response.Suggestions[0].Candidates.Select(c => c.Listing.Id));
        Assert.Equal([reiki.Id], response.Suggestions[1].Candidates.Select(c => c.Listing.Id));
        Assert.Equal([massage.Id], response.Suggestions[2].Candidates.Select(c => c.Listing.Id));
        Assert.All(response.Suggestions, s => Assert.False(string.IsNullOrEmpty(s.Reason)));
    }

    [Fact]
    public async Task A_care_partner_from_the_directory_is_not_suggested_for_another_layer()
    {
        // Their counsellor is on the team as body work (the layer is the client's to choose); the
        // mind suggestions are other counsellors, never the partner they already have.
        var world = new World(System);
        var partner = await world.AddAsync(As(world.Naturopath("x", km: 1), "My counsellor", "counselling"));
        var other = await world.AddAsync(As(world.Naturopath("x", km: 2), "Listening Room Counselling", "counselling"));
        var profile = await world.ClientAsync();
        await world.AddToCareTeamAsync(profile, partner, CareLayer.Body);

        var response = await System.Matching.SuggestCareTeamAsync(new SuggestCareTeamRequest { ProfileId = profile.Id }, Tokens.As(world.Client));

        var mind = Assert.Single(response.Suggestions, s => s.Layer == CareLayer.Mind);
        Assert.Equal([other.Id], mind.Candidates.Select(c => c.Listing.Id));
    }

    [Fact]
    public async Task Every_body_modality_can_be_suggested_including_the_last_ones_in_code_order()
    {
        // The body layer has more modalities than one search takes; the last in code order were never searched.
        var world = new World(System);
        var herbalist = await world.AddAsync(As(world.Naturopath("x", km: 2), "Hedgerow Herbalist", "western-herbalism"));
        var zeroBalancing = await world.AddAsync(As(world.Naturopath("x", km: 3), "Zero Balancing Studio", "zero-balancing"));
        var profile = await world.ClientAsync();

        var response = await System.Matching.SuggestCareTeamAsync(
            new SuggestCareTeamRequest { ProfileId = profile.Id, CandidatesPerLayer = 5 }, Tokens.As(world.Client));

        var body = Assert.Single(response.Suggestions, s => s.Layer == CareLayer.Body);
        Assert.Equal(new[] { herbalist.Id, zeroBalancing.Id }.Order(), body.Candidates.Select(c => c.Listing.Id).Order());
    }

    [Fact]
    public async Task A_client_who_avoids_every_mind_modality_is_offered_no_one_for_the_mind_and_told_why()
    {
        var world = new World(System);
        var feldenkrais = await world.AddAsync(As(world.Naturopath("x", km: 2), "Moving Well Feldenkrais", "feldenkrais-method"));
        var taxonomy = await System.Directory.ListModalitiesAsync(new ListModalitiesRequest());
        var client = world.NatureClient();
        client.AvoidedModalities.AddRange(taxonomy.Modalities.Where(m => m.Layer == "mind").Select(m => m.Code));
        Assert.Equal(17, client.AvoidedModalities.Count);
        var profile = await world.ClientAsync(client);

        var response = await System.Matching.SuggestCareTeamAsync(new SuggestCareTeamRequest { ProfileId = profile.Id }, Tokens.As(world.Client));

        var mind = Assert.Single(response.Suggestions, s => s.Layer == CareLayer.Mind);
        Assert.Empty(mind.Candidates);
        Assert.Equal("You avoid every kind of care for the mind layer, so no one is suggested for it.", mind.Reason);
        var body = Assert.Single(response.Suggestions, s => s.Layer == CareLayer.Body);
        Assert.Equal([feldenkrais.Id], body.Candidates.Select(c => c.Listing.Id)); // the body layer, where Feldenkrais belongs
    }
}

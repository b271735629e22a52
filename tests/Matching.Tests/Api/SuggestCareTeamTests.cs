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
}

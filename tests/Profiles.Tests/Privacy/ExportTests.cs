using System.Text.Json;
using Google.Protobuf;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Privacy;

/// <summary>ExportProfile gives the caller everything stored about them, and nothing about anyone else.</summary>
public sealed class ExportTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task The_export_holds_every_profile_of_the_caller_with_care_team_and_history()
    {
        var owner = Users.Fresh("alice");
        var me = Tokens.As(owner);
        var first = await fixture.CreateAsync(owner, PrivateStory.Profile());
        var withPartner = await fixture.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = first.Id, Partner = PrivateStory.Partner() }, me);
        var withHistory = await fixture.Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = first.Id,
            Partner = new CarePartner { Id = withPartner.CareTeam[0].Id, Cadence = Cadence.Regular },
        }, me);
        var second = await fixture.CreateAsync(owner);
        await fixture.CreateAsync(Users.Fresh("bob"));

        var export = await fixture.Profiles.ExportProfileAsync(new ExportProfileRequest { Id = second.Id }, me);

        using var json = JsonDocument.Parse(export.Json);
        Assert.Equal(owner, json.RootElement.GetProperty("subject").GetString());
        var exported = json.RootElement.GetProperty("profiles").EnumerateArray()
            .Select(p => JsonParser.Default.Parse<Profile>(p.GetRawText()))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { withHistory, second }.OrderBy(p => p.Id, StringComparer.Ordinal), exported);
        Assert.Single(exported[Array.FindIndex(exported, p => p.Id == first.Id)].CareTeam[0].History);
        Assert.Contains(PrivateStory.StoryWord, export.Json, StringComparison.Ordinal);
    }
}

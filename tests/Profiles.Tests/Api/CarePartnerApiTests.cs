using Grpc.Core;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>The care team's ebb and flow through the real gRPC pipeline: add, change cadence or layer, remove.</summary>
public sealed class CarePartnerApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private ProfileService.ProfileServiceClient Profiles => fixture.Profiles;

    [Fact]
    public async Task An_added_partner_joins_the_care_team_and_bumps_the_version()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);

        var updated = await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = InvalidPartners.Valid() }, Tokens.As(owner));

        var partner = Assert.Single(updated.CareTeam);
        Assert.NotEmpty(partner.Id);
        Assert.Equal("Ana, yoga teacher", partner.Name);
        Assert.Equal(CareLayer.Body, partner.Layer);
        Assert.Equal(Cadence.Regular, partner.Cadence);
        Assert.Equal("2023-05-01", partner.Since);
        Assert.Equal(created.Version + 1, updated.Version);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(updated, await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_partner_named_by_listing_is_stored_with_the_listings_name_and_modalities()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var listing = await CreateListingAsync();
        var partner = new CarePartner { ListingId = listing.Id, Layer = CareLayer.Body, Cadence = Cadence.Intensive, Since = "2024-02-01" };

        var updated = await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner));

        var stored = Assert.Single(updated.CareTeam);
        Assert.Equal(listing.Id, stored.ListingId);
        Assert.Equal(listing.DisplayName, stored.Name);
        Assert.Equal(listing.Modalities, stored.Modalities);
        Assert.Equal((CareLayer.Body, Cadence.Intensive, "2024-02-01"), (stored.Layer, stored.Cadence, stored.Since));
        Assert.Equal(updated, await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_listing_the_directory_does_not_have_is_an_invalid_partner_listing_id()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var partner = new CarePartner { ListingId = Guid.NewGuid().ToString("N"), Layer = CareLayer.Body, Cadence = Cadence.Intensive };

        await RpcAssert.InvalidField("partner.listing_id", async () =>
            await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner)));
        Assert.Equal(created, await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_listing_joins_the_care_team_once()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var partner = new CarePartner { ListingId = (await CreateListingAsync()).Id, Layer = CareLayer.Body, Cadence = Cadence.Intensive };

        await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner));

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, async () =>
            await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_cadence_change_is_kept_as_history()
    {
        var owner = Users.Fresh("alice");
        var (profile, partnerId) = await WithPartnerAsync(owner);

        var eased = await Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { Id = partnerId, Cadence = Cadence.Maintenance, Layer = CareLayer.Maintenance },
        }, Tokens.As(owner));

        var partner = Assert.Single(eased.CareTeam);
        Assert.Equal(Cadence.Maintenance, partner.Cadence);
        Assert.Equal(CareLayer.Maintenance, partner.Layer);
        var change = Assert.Single(partner.History);
        Assert.Equal(Cadence.Regular, change.Cadence);
        Assert.Equal(eased.UpdateTime, change.ChangeTime);
        Assert.Equal(profile.Version + 1, eased.Version);
        Assert.Equal(eased, await Profiles.GetProfileAsync(new GetProfileRequest { Id = profile.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_new_since_corrects_when_the_partnership_began()
    {
        var owner = Users.Fresh("alice");
        var (profile, partnerId) = await WithPartnerAsync(owner);

        var corrected = await Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { Id = partnerId, Since = "2020-01-01" },
        }, Tokens.As(owner));

        var partner = Assert.Single(corrected.CareTeam);
        Assert.Equal("2020-01-01", partner.Since);
        Assert.Equal((profile.CareTeam[0].Cadence, profile.CareTeam[0].Layer), (partner.Cadence, partner.Layer));
        Assert.Equal(corrected, await Profiles.GetProfileAsync(new GetProfileRequest { Id = profile.Id }, Tokens.As(owner)));
    }

    [Theory]
    [InlineData("future")]
    [InlineData("2020-13-01")]
    [InlineData("01/01/2020")]
    public async Task A_since_in_the_future_or_not_a_date_is_refused_on_partner_since(string since)
    {
        var owner = Users.Fresh("alice");
        var (profile, partnerId) = await WithPartnerAsync(owner);
        if (since == "future") since = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await RpcAssert.InvalidField("partner.since", async () => await Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { Id = partnerId, Since = since },
        }, Tokens.As(owner)));
        Assert.Equal(profile, await Profiles.GetProfileAsync(new GetProfileRequest { Id = profile.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_removed_partner_leaves_the_care_team()
    {
        var owner = Users.Fresh("alice");
        var (profile, partnerId) = await WithPartnerAsync(owner);

        var updated = await Profiles.RemoveCarePartnerAsync(new RemoveCarePartnerRequest { ProfileId = profile.Id, PartnerId = partnerId }, Tokens.As(owner));

        Assert.Empty(updated.CareTeam);
        Assert.Equal(profile.Version + 1, updated.Version);
        Assert.Empty((await Profiles.GetProfileAsync(new GetProfileRequest { Id = profile.Id }, Tokens.As(owner))).CareTeam);
    }

    [Fact]
    public async Task Changing_or_removing_an_unknown_partner_is_not_found()
    {
        var owner = Users.Fresh("alice");
        var (profile, _) = await WithPartnerAsync(owner);

        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { Id = "no-such-partner", Cadence = Cadence.Intensive },
        }, Tokens.As(owner)));
        await RpcAssert.FailsWith(StatusCode.NotFound, async () =>
            await Profiles.RemoveCarePartnerAsync(new RemoveCarePartnerRequest { ProfileId = profile.Id, PartnerId = "no-such-partner" }, Tokens.As(owner)));
    }

    [Fact]
    public async Task Partner_calls_without_the_ids_they_need_name_the_missing_field()
    {
        var owner = Users.Fresh("alice");
        var (profile, _) = await WithPartnerAsync(owner);

        await RpcAssert.InvalidField("profile_id", async () =>
            await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { Partner = InvalidPartners.Valid() }, Tokens.As(owner)));
        await RpcAssert.InvalidField("partner", async () =>
            await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = profile.Id }, Tokens.As(owner)));
        await RpcAssert.InvalidField("partner.id", async () => await Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { Cadence = Cadence.Intensive },
        }, Tokens.As(owner)));
        await RpcAssert.InvalidField("partner_id", async () =>
            await Profiles.RemoveCarePartnerAsync(new RemoveCarePartnerRequest { ProfileId = profile.Id }, Tokens.As(owner)));
    }

    [Theory]
    [MemberData(nameof(InvalidPartnerCases))]
    public async Task Adding_names_each_invalid_partner_field(string @case)
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var (partner, field) = InvalidPartners.Make(@case);

        await RpcAssert.InvalidField(field, async () =>
            await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner)));
        Assert.Equal(created, await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    [Theory]
    [InlineData("name too long", "partner.name")]
    [InlineData("unknown layer", "partner.layer")]
    [InlineData("unknown cadence", "partner.cadence")]
    [InlineData("unknown modality", "partner.modalities[0]")]
    public async Task Changing_names_each_invalid_partner_field(string @case, string field)
    {
        var owner = Users.Fresh("alice");
        var (profile, partnerId) = await WithPartnerAsync(owner);
        var change = new CarePartner { Id = partnerId };
        switch (@case)
        {
            case "name too long": change.Name = new string('n', 121); break;
            case "unknown layer": change.Layer = (CareLayer)42; break;
            case "unknown cadence": change.Cadence = (Cadence)42; break;
            default: change.Modalities.Add("crystal-gazing-x"); break;
        }

        await RpcAssert.InvalidField(field, async () =>
            await Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest { ProfileId = profile.Id, Partner = change }, Tokens.As(owner)));
        Assert.Equal(profile, await Profiles.GetProfileAsync(new GetProfileRequest { Id = profile.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task A_listing_partners_name_and_modalities_cannot_be_changed_by_the_client()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var listing = await CreateListingAsync();
        var profile = await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest
        {
            ProfileId = created.Id,
            Partner = new CarePartner { ListingId = listing.Id, Layer = CareLayer.Body, Cadence = Cadence.Regular },
        }, Tokens.As(owner));
        var change = new CarePartner { Id = profile.CareTeam[0].Id, Name = "Best cardiologist ever", Modalities = { "acupuncture" } };

        var refused = await RpcAssert.InvalidField("partner.name", async () =>
            await Profiles.UpdateCarePartnerAsync(new UpdateCarePartnerRequest { ProfileId = profile.Id, Partner = change }, Tokens.As(owner)));

        Assert.Contains(refused.FieldViolations, v => v.Field == "partner.modalities");
        Assert.Equal(profile, await Profiles.GetProfileAsync(new GetProfileRequest { Id = profile.Id }, Tokens.As(owner)));
    }

    [Fact]
    public async Task Concurrent_care_team_changes_all_land_because_they_carry_no_etag()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var partner = InvalidPartners.Valid();
            partner.Name = $"Friend {i}";
            await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = partner }, Tokens.As(owner));
        }));

        var read = await Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"Friend {i}").Order(), read.CareTeam.Select(p => p.Name).Order());
        Assert.Equal(created.Version + 8, read.Version);
    }

    public static TheoryData<string> InvalidPartnerCases => InvalidPartners.Names;

    private async Task<Directory.V1.Listing> CreateListingAsync() =>
        await fixture.System.Directory.CreateListingAsync(
            new Directory.V1.CreateListingRequest { Listing = Samples.Naturopath() }, Tokens.As(Users.Fresh("practitioner")));

    private async Task<(Profile Profile, string PartnerId)> WithPartnerAsync(string owner)
    {
        var created = await fixture.CreateAsync(owner);
        var profile = await Profiles.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = created.Id, Partner = InvalidPartners.Valid() }, Tokens.As(owner));
        return (profile, profile.CareTeam[0].Id);
    }
}

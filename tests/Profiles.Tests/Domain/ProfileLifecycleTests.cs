using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Profiles.Domain;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Domain;

public sealed class ProfileLifecycleTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddDays(10);

    private static Profile New() => ProfileLifecycle.PrepareNew(Samples.NatureClient(), "alice", Created);

    [Fact]
    public void A_new_profile_gets_an_id_the_owner_and_version_one()
    {
        var requested = Samples.NatureClient();
        requested.Id = "chosen-by-client";
        requested.OwnerId = "mallory";
        requested.Version = 41;
        requested.CareTeam.Add(InvalidPartners.Valid());

        var profile = ProfileLifecycle.PrepareNew(requested, "alice", Created);

        Assert.NotEqual("chosen-by-client", profile.Id);
        Assert.Equal(32, profile.Id.Length);
        Assert.Equal("alice", profile.OwnerId);
        Assert.Equal(1, profile.Version);
        Assert.Equal("1", profile.Etag);
        Assert.Empty(profile.CareTeam);
        Assert.Equal(Timestamp.FromDateTimeOffset(Created), profile.CreateTime);
        Assert.Equal(profile.CreateTime, profile.UpdateTime);
        Assert.Equal(requested.Story, profile.Story);
    }

    [Fact]
    public void A_masked_update_changes_only_the_named_fields_and_bumps_the_version()
    {
        var current = New();
        var patch = new Profile { DisplayName = "Riv", Story = "A new chapter.", MaxTravelKm = 5 };

        var updated = ProfileLifecycle.ApplyUpdate(current, patch, new FieldMask { Paths = { "display_name", "story" } }, Later, new Violations());

        Assert.Equal("Riv", updated.DisplayName);
        Assert.Equal("A new chapter.", updated.Story);
        Assert.Equal(current.MaxTravelKm, updated.MaxTravelKm);
        Assert.Equal(current.LifestyleTags, updated.LifestyleTags);
        Assert.Equal(2, updated.Version);
        Assert.NotEqual(current.Etag, updated.Etag);
        Assert.Equal(current.CreateTime, updated.CreateTime);
        Assert.Equal(Timestamp.FromDateTimeOffset(Later), updated.UpdateTime);
        Assert.Equal(1, current.Version);
    }

    [Fact]
    public void A_mask_in_the_proto3_json_form_changes_the_same_fields_as_proto_names()
    {
        var current = New();
        var patch = new Profile { DisplayName = "Riv", MaxTravelKm = 5, Home = new GeoPoint { Lat = 44.05, Lon = 1 }, Story = "Unchanged?" };

        var json = ProfileLifecycle.ApplyUpdate(current, patch, new FieldMask { Paths = { "displayName", "maxTravelKm", "home.lat" } }, Later, new Violations());
        var proto = ProfileLifecycle.ApplyUpdate(current, patch, new FieldMask { Paths = { "display_name", "max_travel_km", "home.lat" } }, Later, new Violations());

        Assert.Equal(proto, json);
        Assert.Equal("Riv", json.DisplayName);
        Assert.Equal(5, json.MaxTravelKm);
        Assert.Equal(44.05, json.Home.Lat);
        Assert.Equal(Samples.PortlandLon, json.Home.Lon);
        Assert.Equal(current.Story, json.Story);
    }

    [Theory]
    [InlineData("ownerId")]
    [InlineData("careTeam")]
    [InlineData("createTime")]
    public void Output_only_fields_in_the_proto3_json_form_are_refused_as_written(string path)
    {
        var v = new Violations();
        ProfileLifecycle.ApplyUpdate(New(), new Profile(), new FieldMask { Paths = { path } }, Later, v);
        var violation = Assert.Single(v.Items);
        Assert.Equal("update_mask.paths[0]", violation.Field);
        Assert.Equal($"'{path}' is output only", violation.Description);
    }

    [Fact]
    public void A_masked_update_of_a_list_replaces_it()
    {
        var updated = ProfileLifecycle.ApplyUpdate(New(), new Profile { LifestyleTags = { "daily-movement" } },
            new FieldMask { Paths = { "lifestyle_tags" } }, Later, new Violations());
        Assert.Equal(["daily-movement"], updated.LifestyleTags);
    }

    [Fact]
    public void A_nested_mask_path_changes_only_that_subfield()
    {
        var updated = ProfileLifecycle.ApplyUpdate(New(), new Profile { Home = new GeoPoint { Lat = 44.05, Lon = 1 } },
            new FieldMask { Paths = { "home.lat" } }, Later, new Violations());
        Assert.Equal(44.05, updated.Home.Lat);
        Assert.Equal(Samples.PortlandLon, updated.Home.Lon);
    }

    [Fact]
    public void A_masked_optional_weight_the_patch_leaves_unset_is_unset_and_a_sent_zero_is_kept()
    {
        var current = New();
        current.Weights = new MatchWeights { Lifestyle = 5, Modality = 1, Approach = 4 };

        var updated = ProfileLifecycle.ApplyUpdate(current, new Profile { Weights = new MatchWeights { Approach = 0 } },
            new FieldMask { Paths = { "weights.lifestyle", "weights.approach" } }, Later, new Violations());

        Assert.False(updated.Weights.HasLifestyle);
        Assert.True(updated.Weights.HasApproach);
        Assert.Equal(0, updated.Weights.Approach);
        Assert.Equal(1, updated.Weights.Modality);
    }

    [Fact]
    public void An_empty_mask_replaces_every_writable_field_but_keeps_identity_and_care_team()
    {
        var current = ProfileLifecycle.AddPartner(New(), InvalidPartners.Valid(), Created);
        var patch = Samples.NatureClient();
        patch.Id = "other";
        patch.OwnerId = "mallory";
        patch.DisplayName = "";
        patch.LifestyleTags.Clear();
        patch.CreateTime = Timestamp.FromDateTimeOffset(Later);

        var updated = ProfileLifecycle.ApplyUpdate(current, patch, null, Later, new Violations());

        Assert.Equal(current.Id, updated.Id);
        Assert.Equal("alice", updated.OwnerId);
        Assert.Equal("", updated.DisplayName);
        Assert.Empty(updated.LifestyleTags);
        Assert.Equal(current.CareTeam, updated.CareTeam);
        Assert.Equal(current.CreateTime, updated.CreateTime);
        Assert.Equal(current.Version + 1, updated.Version);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("owner_id")]
    [InlineData("care_team")]
    [InlineData("etag")]
    [InlineData("version")]
    [InlineData("create_time")]
    [InlineData("update_time")]
    [InlineData("care_team.cadence")]
    public void Output_only_fields_are_refused_in_a_mask(string path)
    {
        var v = new Violations();
        ProfileLifecycle.ApplyUpdate(New(), new Profile(), new FieldMask { Paths = { "story", path } }, Later, v);
        Assert.Equal("update_mask.paths[1]", Assert.Single(v.Items).Field);
    }

    [Theory]
    [InlineData("nickname")]
    [InlineData("home.altitude")]
    [InlineData("DISPLAY_NAME")]
    [InlineData("home.Lat")]
    public void Paths_that_are_not_fields_are_refused_in_a_mask(string path)
    {
        var v = new Violations();
        ProfileLifecycle.ApplyUpdate(New(), new Profile(), new FieldMask { Paths = { path } }, Later, v);
        var violation = Assert.Single(v.Items);
        Assert.Equal("update_mask.paths[0]", violation.Field);
        Assert.Equal($"'{path}' is not a field of Profile", violation.Description);
    }

    [Fact]
    public void A_mask_path_that_names_no_field_is_reported_and_the_paths_that_do_are_still_applied()
    {
        var v = new Violations();

        var updated = ProfileLifecycle.ApplyUpdate(New(), new Profile { Story = "A new chapter.", Languages = { "es" } },
            new FieldMask { Paths = { "story", "nosuch", "languages" } }, Later, v);

        Assert.Equal("update_mask.paths[1]", Assert.Single(v.Items).Field);
        Assert.Equal("A new chapter.", updated.Story);
        Assert.Equal(["es"], updated.Languages);
    }

    [Fact]
    public void An_added_partner_gets_an_id_a_since_date_and_no_history()
    {
        var partner = InvalidPartners.Valid();
        partner.Id = "client-chosen";
        partner.Since = "";
        partner.History.Add(new CadenceChange { Cadence = Cadence.Intensive });

        var updated = ProfileLifecycle.AddPartner(New(), partner, Later);

        var added = Assert.Single(updated.CareTeam);
        Assert.NotEqual("client-chosen", added.Id);
        Assert.NotEmpty(added.Id);
        Assert.Equal("2025-03-11", added.Since);
        Assert.Empty(added.History);
        Assert.Equal(2, updated.Version);
    }

    [Fact]
    public void The_same_listing_cannot_join_the_care_team_twice()
    {
        var partner = new CarePartner { ListingId = "listing-1", Layer = CareLayer.Body, Cadence = Cadence.Regular };
        var once = ProfileLifecycle.AddPartner(New(), partner, Later);
        var ex = Assert.Throws<DomainException>(() => ProfileLifecycle.AddPartner(once, partner, Later));
        Assert.Equal(StatusCode.AlreadyExists, ex.Code);
    }

    [Fact]
    public void A_partner_named_by_listing_takes_the_listings_name_and_modalities_and_keeps_its_own_layer_cadence_and_since()
    {
        var listing = Samples.Naturopath("Maya Okafor, ND");
        listing.Id = "listing-1";
        listing.Modalities.Add("herbalism");
        var requested = new CarePartner
        {
            ListingId = "listing-1", Name = "my ND", Layer = CareLayer.Body, Cadence = Cadence.Intensive, Since = "2024-02-01", Modalities = { "reiki" },
        };

        var partner = ProfileLifecycle.FromListing(requested, listing);

        Assert.Equal(new CarePartner
        {
            ListingId = "listing-1", Name = "Maya Okafor, ND", Layer = CareLayer.Body, Cadence = Cadence.Intensive, Since = "2024-02-01",
            Modalities = { "naturopathy", "herbalism" },
        }, partner);
        Assert.Equal("my ND", requested.Name);
    }

    [Fact]
    public void A_care_team_has_at_most_thirty_partners()
    {
        var profile = New();
        for (var i = 0; i < ProfileRules.MaxCareTeam; i++) profile = ProfileLifecycle.AddPartner(profile, InvalidPartners.Valid(), Later);
        var ex = Assert.Throws<ValidationException>(() => ProfileLifecycle.AddPartner(profile, InvalidPartners.Valid(), Later));
        Assert.Equal("partner", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void A_cadence_change_keeps_the_previous_cadence_as_history()
    {
        var withPartner = ProfileLifecycle.AddPartner(New(), InvalidPartners.Valid(), Created);
        var id = withPartner.CareTeam[0].Id;

        var eased = ProfileLifecycle.UpdatePartner(withPartner, new CarePartner { Id = id, Cadence = Cadence.Maintenance }, Later);
        var again = ProfileLifecycle.UpdatePartner(eased, new CarePartner { Id = id, Cadence = Cadence.Intensive }, Later.AddDays(30));

        var partner = again.CareTeam[0];
        Assert.Equal(Cadence.Intensive, partner.Cadence);
        Assert.Equal([Cadence.Regular, Cadence.Maintenance], partner.History.Select(h => h.Cadence));
        Assert.Equal([Timestamp.FromDateTimeOffset(Later), Timestamp.FromDateTimeOffset(Later.AddDays(30))], partner.History.Select(h => h.ChangeTime));
        Assert.Equal(withPartner.Version + 2, again.Version);
    }

    [Fact]
    public void A_layer_change_or_an_unchanged_cadence_adds_no_history()
    {
        var withPartner = ProfileLifecycle.AddPartner(New(), InvalidPartners.Valid(), Created);
        var id = withPartner.CareTeam[0].Id;

        var updated = ProfileLifecycle.UpdatePartner(withPartner,
            new CarePartner { Id = id, Layer = CareLayer.Spirit, Cadence = Cadence.Regular }, Later);

        Assert.Equal(CareLayer.Spirit, updated.CareTeam[0].Layer);
        Assert.Empty(updated.CareTeam[0].History);
        Assert.Equal(withPartner.Version + 1, updated.Version);
    }

    [Fact]
    public void A_listing_partners_name_and_modalities_are_the_listings_and_cannot_be_changed()
    {
        var fromListing = ProfileLifecycle.FromListing(new CarePartner { ListingId = "l1", Layer = CareLayer.Body, Cadence = Cadence.Regular },
            new Directory.V1.Listing { Id = "l1", DisplayName = "Dr. Rowan", Modalities = { "naturopathy" } });
        var withPartner = ProfileLifecycle.AddPartner(New(), fromListing, Created);
        var id = withPartner.CareTeam[0].Id;

        var refused = Assert.Throws<ValidationException>(() => ProfileLifecycle.UpdatePartner(withPartner,
            new CarePartner { Id = id, Name = "My hero", Modalities = { "surgery" } }, Later));

        Assert.Equal(["partner.name", "partner.modalities"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_listing_partner_sent_back_as_read_changes_only_layer_and_cadence()
    {
        var fromListing = ProfileLifecycle.FromListing(new CarePartner { ListingId = "l1", Layer = CareLayer.Body, Cadence = Cadence.Regular },
            new Directory.V1.Listing { Id = "l1", DisplayName = "Dr. Rowan", Modalities = { "naturopathy" } });
        var withPartner = ProfileLifecycle.AddPartner(New(), fromListing, Created);
        var echoed = withPartner.CareTeam[0].Clone();
        echoed.Cadence = Cadence.Maintenance;

        var updated = ProfileLifecycle.UpdatePartner(withPartner, echoed, Later);

        Assert.Equal(("Dr. Rowan", Cadence.Maintenance), (updated.CareTeam[0].Name, updated.CareTeam[0].Cadence));
        Assert.Equal(["naturopathy"], updated.CareTeam[0].Modalities);
    }

    [Fact]
    public void A_new_since_replaces_the_stored_one_and_an_empty_one_keeps_it()
    {
        var withPartner = ProfileLifecycle.AddPartner(New(), InvalidPartners.Valid(), Created);
        var id = withPartner.CareTeam[0].Id;

        var corrected = ProfileLifecycle.UpdatePartner(withPartner, new CarePartner { Id = id, Since = "2019-04-02" }, Later);
        var kept = ProfileLifecycle.UpdatePartner(corrected, new CarePartner { Id = id, Cadence = Cadence.Intensive }, Later);

        Assert.Equal("2019-04-02", corrected.CareTeam[0].Since);
        Assert.Equal("2019-04-02", kept.CareTeam[0].Since);
    }

    [Fact]
    public void A_free_text_partner_can_be_renamed_and_given_other_modalities()
    {
        var withPartner = ProfileLifecycle.AddPartner(New(), InvalidPartners.Valid(), Created);

        var updated = ProfileLifecycle.UpdatePartner(withPartner,
            new CarePartner { Id = withPartner.CareTeam[0].Id, Name = "Ana", Modalities = { "yoga" } }, Later);

        Assert.Equal("Ana", updated.CareTeam[0].Name);
        Assert.Equal(["yoga"], updated.CareTeam[0].Modalities);
    }

    [Fact]
    public void Removing_a_partner_takes_them_off_the_care_team()
    {
        var two = ProfileLifecycle.AddPartner(ProfileLifecycle.AddPartner(New(), InvalidPartners.Valid(), Created), InvalidPartners.Valid(), Created);
        var updated = ProfileLifecycle.RemovePartner(two, two.CareTeam[0].Id, Later);
        Assert.Equal([two.CareTeam[1].Id], updated.CareTeam.Select(p => p.Id));
        Assert.Equal(two.Version + 1, updated.Version);
    }

    [Fact]
    public void Changing_or_removing_an_unknown_partner_is_not_found()
    {
        var profile = New();
        Assert.Equal(StatusCode.NotFound, Assert.Throws<DomainException>(() =>
            ProfileLifecycle.UpdatePartner(profile, new CarePartner { Id = "nope", Cadence = Cadence.Intensive }, Later)).Code);
        Assert.Equal(StatusCode.NotFound, Assert.Throws<DomainException>(() =>
            ProfileLifecycle.RemovePartner(profile, "nope", Later)).Code);
    }
}

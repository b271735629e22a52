using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.Testing;
using Xunit;

namespace HealingNetwork.Directory.Tests.Domain;

public sealed class ListingLifecycleTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddDays(10);

    private static Listing New() => ListingLifecycle.PrepareNew(Samples.Naturopath(), "pia", Created);

    private static Listing Patch() => new()
    {
        DisplayName = "Maya Okafor, ND, LAc",
        Bio = "Now also acupuncture.",
        Terms = new ExchangeTerms { FeeMin = 7000 },
    };

    [Theory]
    [InlineData("display_name", "terms.fee_min")]
    [InlineData("displayName", "terms.feeMin")]
    public void A_mask_in_proto_names_or_in_the_proto3_json_form_changes_only_the_named_fields(string name, string fee)
    {
        var current = New();

        var updated = ListingLifecycle.ApplyUpdate(current, Patch(), new FieldMask { Paths = { name, fee } }, Later, new Violations());

        Assert.Equal("Maya Okafor, ND, LAc", updated.DisplayName);
        Assert.Equal(7000, updated.Terms.FeeMin);
        Assert.Equal(current.Terms.FeeMax, updated.Terms.FeeMax);
        Assert.Equal(current.Bio, updated.Bio);
    }

    [Theory]
    [InlineData("ownerId")]
    [InlineData("lastConfirmedTime")]
    public void Output_only_fields_are_refused_in_the_proto3_json_form_too_and_named_as_written(string path)
    {
        var v = new Violations();
        ListingLifecycle.ApplyUpdate(New(), Patch(), new FieldMask { Paths = { "bio", path } }, Later, v);

        var violation = Assert.Single(v.Items);
        Assert.Equal("update_mask.paths[1]", violation.Field);
        Assert.Equal($"'{path}' is output only", violation.Description);
    }

    [Theory]
    [InlineData("DISPLAY_NAME")]
    [InlineData("Display_Name")]
    [InlineData("terms.FeeMin")]
    [InlineData("displayName.x")]
    [InlineData("locations.lat")]
    public void Paths_that_name_no_field_in_either_form_are_refused_and_named(string path)
    {
        var v = new Violations();
        ListingLifecycle.ApplyUpdate(New(), Patch(), new FieldMask { Paths = { path } }, Later, v);

        var violation = Assert.Single(v.Items);
        Assert.Equal("update_mask.paths[0]", violation.Field);
        Assert.Equal($"'{path}' is not a field of Listing", violation.Description);
    }
}

using HealingNetwork.Profiles.Domain;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Profiles.Tests.Domain;

public sealed class ProfilePageQueryTests
{
    [Fact]
    public void An_empty_request_asks_for_the_first_twenty()
    {
        Assert.Equal(new ProfilePageQuery(20, null), ProfilePageQuery.Of(new ListProfilesRequest(), "alice"));
    }

    [Fact]
    public void A_token_carries_where_the_previous_page_ended_for_its_owner()
    {
        var token = ProfilePageToken.Encode("0196a1b2c3d4", "alice");

        var query = ProfilePageQuery.Of(new ListProfilesRequest { PageSize = 5, PageToken = token }, "alice");

        Assert.Equal(new ProfilePageQuery(5, "0196a1b2c3d4"), query);
        Assert.DoesNotContain("0196a1b2c3d4", token); // opaque, not the id in plain sight
    }

    [Fact]
    public void A_token_issued_to_someone_else_is_refused()
    {
        var token = ProfilePageToken.Encode("0196a1b2c3d4", "alice");

        var refused = Assert.Throws<ValidationException>(() => ProfilePageQuery.Of(new ListProfilesRequest { PageToken = token }, "bob"));

        Assert.Equal("page_token", Assert.Single(refused.Violations).Field);
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(1, 1)]
    [InlineData(50, 50)]
    public void Page_sizes_from_1_to_50_are_taken_and_0_means_20(int requested, int used)
    {
        Assert.Equal(used, ProfilePageQuery.Of(new ListProfilesRequest { PageSize = requested }, "alice").PageSize);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public void Page_sizes_outside_0_to_50_are_refused(int requested)
    {
        var refused = Assert.Throws<ValidationException>(() => ProfilePageQuery.Of(new ListProfilesRequest { PageSize = requested }, "alice"));

        Assert.Equal("page_size", Assert.Single(refused.Violations).Field);
    }
}

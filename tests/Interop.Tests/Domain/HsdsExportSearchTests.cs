using HealingNetwork.Directory.Domain.Interop.Hsds;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Interop.Tests.Domain;

public sealed class HsdsExportSearchTests
{
    [Fact]
    public void The_searchs_own_page_size_is_used_when_the_exports_is_unset()
    {
        var search = HsdsExportSearch.Of(new ExportHsdsRequest { Search = new SearchListingsRequest { PageSize = 5, PageToken = "t" } });

        Assert.Equal((5, "t"), (search.PageSize, search.PageToken));
    }

    [Fact]
    public void The_exports_page_size_wins_when_the_search_agrees_or_is_silent()
    {
        Assert.Equal(7, HsdsExportSearch.Of(new ExportHsdsRequest { PageSize = 7 }).PageSize);
        Assert.Equal(7, HsdsExportSearch.Of(new ExportHsdsRequest { PageSize = 7, Search = new SearchListingsRequest { PageSize = 7 } }).PageSize);
    }

    [Fact]
    public void Two_different_page_sizes_or_tokens_are_refused_naming_the_searchs()
    {
        var refused = Assert.Throws<ValidationException>(() => HsdsExportSearch.Of(new ExportHsdsRequest
        {
            PageSize = 7, PageToken = "a", Search = new SearchListingsRequest { PageSize = 5, PageToken = "b" },
        }));

        Assert.Equal(["search.page_size", "search.page_token"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Complaints_about_the_search_are_named_under_search_and_the_exports_paging_as_its_own()
    {
        var request = new ExportHsdsRequest { PageSize = 500 };
        var refused = new ValidationException([new("near.lat", "x"), new("order_by", "y"), new("page_size", "z")]);

        var renamed = HsdsExportSearch.InRequestTerms(refused, request);

        Assert.Equal(["search.near.lat", "search.order_by", "page_size"], renamed.Violations.Select(v => v.Field));
        Assert.Equal("search.page_size", HsdsExportSearch.InRequestTerms(refused, new ExportHsdsRequest()).Violations[2].Field);
    }
}

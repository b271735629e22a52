using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// The search an ExportHsds request runs. Paging is the export's own page_size and page_token;
/// the nested search's are used when the export's are unset (REST clients write
/// <c>search.pageSize</c> as naturally as <c>pageSize</c>) and refused when they disagree, so
/// neither is silently ignored. Complaints about the search name it as the request does: <c>search.…</c>.
/// </summary>
public static class HsdsExportSearch
{
    /// <summary>The search to run (for the next page token), and as a query starting where its token says.</summary>
    public static (SearchListingsRequest Search, ListingSearchQuery Query) Build(
        ExportHsdsRequest request, ModalityTaxonomy taxonomy, DateTimeOffset now, TimeSpan staleAfter)
    {
        var search = Of(request);
        try
        {
            return (search, SearchRequestRules.Build(search, taxonomy, now, staleAfter));
        }
        catch (ValidationException refused)
        {
            throw InRequestTerms(refused, request);
        }
    }

    public static SearchListingsRequest Of(ExportHsdsRequest request)
    {
        var search = request.Search?.Clone() ?? new SearchListingsRequest();
        var v = new Violations();
        v.Require(request.PageSize == 0 || search.PageSize == 0 || request.PageSize == search.PageSize,
            "search.page_size", "differs from page_size; set only page_size");
        v.Require(request.PageToken.Length == 0 || search.PageToken.Length == 0 || request.PageToken == search.PageToken,
            "search.page_token", "differs from page_token; set only page_token");
        v.ThrowIfAny();
        if (request.PageSize != 0) search.PageSize = request.PageSize;
        if (request.PageToken.Length > 0) search.PageToken = request.PageToken;
        return search;
    }

    /// <summary><paramref name="refused"/>, a complaint about <see cref="Of"/>'s search, with fields named as in <paramref name="request"/>.</summary>
    public static ValidationException InRequestTerms(ValidationException refused, ExportHsdsRequest request) =>
        new(refused.Violations.Select(f => f with { Field = FieldOf(f.Field, request) }).ToArray());

    private static string FieldOf(string field, ExportHsdsRequest request) => field switch
    {
        "page_size" when request.PageSize != 0 => field,
        "page_token" when request.PageToken.Length > 0 => field,
        _ => "search." + field,
    };
}

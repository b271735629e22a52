using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain;

/// <summary>What a ListListings request asks for, checked: page size and where the page starts (AIP-132, AIP-158).</summary>
public static class ListListingsRules
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The page <paramref name="ownerId"/> asks for; every bad field is reported at once.</summary>
    public static OwnListingsQuery Build(ListListingsRequest request, string ownerId)
    {
        var v = new Violations();
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        if (size is < 1 or > MaxPageSize) v.Add("page_size", $"must be between 1 and {MaxPageSize}");
        string? after = null;
        try
        {
            after = OwnListingsPageToken.Decode(request.PageToken, ownerId, WithoutPaging(request));
        }
        catch (ValidationException refused)
        {
            foreach (var item in refused.Violations) v.Add(item.Field, item.Description);
        }
        v.ThrowIfAny();
        return new OwnListingsQuery(ownerId, after, size);
    }

    /// <summary>The token for the page after the one that ended with <paramref name="lastId"/>.</summary>
    public static string NextPageToken(ListListingsRequest request, string ownerId, string lastId) =>
        OwnListingsPageToken.Encode(lastId, ownerId, WithoutPaging(request));

    /// <summary>What a page token is bound to besides the caller: the request without its page size and token.</summary>
    private static ListListingsRequest WithoutPaging(ListListingsRequest request)
    {
        var query = request.Clone();
        query.PageSize = 0;
        query.PageToken = "";
        return query;
    }
}

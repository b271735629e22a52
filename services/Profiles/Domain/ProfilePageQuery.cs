using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Profiles.Domain;

/// <summary>
/// A checked ListProfiles request: how many of the caller's profiles to return and after which id
/// (ids descending, so newest first). Every bad field is reported at once.
/// </summary>
public sealed record ProfilePageQuery(int PageSize, string? AfterId)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;

    public static ProfilePageQuery Of(ListProfilesRequest request, string owner)
    {
        var v = new Violations();
        if (request.PageSize is < 0 or > MaxPageSize)
            v.Add("page_size", $"must be between 1 and {MaxPageSize} (0 or unset means {DefaultPageSize})");
        var after = ProfilePageToken.Decode(request.PageToken, owner, v);
        v.ThrowIfAny();
        return new ProfilePageQuery(request.PageSize == 0 ? DefaultPageSize : request.PageSize, after);
    }
}

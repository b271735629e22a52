using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// A validated search, independent of the backend. Lists are ORed inside, filters ANDed across.
/// Every backend must return the same hits in the same order for the same query
/// (the contract suite in tests/Directory.Tests checks it).
/// </summary>
public sealed record ListingSearchQuery
{
    /// <summary>Free text (already trimmed); null for none.</summary>
    public string? Text { get; init; }
    public IReadOnlyList<string> Modalities { get; init; } = [];
    public IReadOnlyList<string> ExcludeModalities { get; init; } = [];
    public IReadOnlyList<string> Specialties { get; init; } = [];
    public IReadOnlyList<Orientation> Orientations { get; init; } = [];
    public IReadOnlyList<string> LifestyleTags { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Only listings with a location within the radius (telehealth ones too when <see cref="IncludeTelehealth"/>).</summary>
    public GeoFilter? Near { get; init; }
    public bool IncludeTelehealth { get; init; }
    public bool TelehealthOnly { get; init; }

    /// <summary>
    /// With <see cref="Near"/>: whether listings with a location whose home-visit area (service radius)
    /// covers the centre are hits wherever that location is (<see cref="ListingHit.VisitsYou"/>), or the only hits.
    /// </summary>
    public HomeVisits HomeVisits { get; init; } = HomeVisits.Include;

    /// <summary>Exchange feasibility; null for no terms filter.</summary>
    public TermsFilter? Terms { get; init; }
    public bool AcceptingNewClientsOnly { get; init; }

    /// <summary>When set, only listings confirmed at or after this instant (excludes stale ones).</summary>
    public DateTimeOffset? ConfirmedSince { get; init; }

    /// <summary>Soft preferences that rank with <see cref="SearchSort.Preference"/> and never filter.</summary>
    public IReadOnlyList<Preference> Preferences { get; init; } = [];

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Only hits after this one in the query's order (the previous page's <see cref="ListingSearchPage.Next"/>); null from the first.</summary>
    public SearchCursor? After { get; init; }

    /// <summary>Hits to skip (after <see cref="After"/>, if set) before the page; the API pages by <see cref="After"/> alone.</summary>
    public int Offset { get; init; }
    public int Limit { get; init; } = 20;

    /// <summary>Only the page is needed: the total may be a lower bound (see <see cref="ListingSearchPage.TotalIsLowerBound"/>).</summary>
    public bool SkipExactTotal { get; init; }
}

/// <summary>Centre and radius; distance is haversine in km to the nearest location.</summary>
public sealed record GeoFilter(double Lat, double Lon, double RadiusKm);

/// <summary>
/// A listing passes when ANY given alternative holds: its lowest fee (sliding-scale floor when it
/// has one) is at most <see cref="MaxFee"/> in <see cref="Currency"/>; it accepts one of
/// <see cref="BarterCategories"/>; or it takes time-bank hours when <see cref="TimeBank"/>.
/// </summary>
public sealed record TermsFilter(long? MaxFee, string? Currency, IReadOnlyList<string> BarterCategories, bool TimeBank);

/// <summary>Result order. Ties always break by listing id (ordinal) so pages are stable.</summary>
public enum SearchSort
{
    /// <summary>Text relevance, then distance, then id. Without text: distance (when near) then id.</summary>
    Relevance,
    /// <summary>Distance, then id. Requires Near.</summary>
    Distance,
    /// <summary>Listing id only.</summary>
    Id,
    /// <summary>
    /// Preference score (the summed weights of the <see cref="ListingSearchQuery.Preferences"/> a
    /// listing meets), then distance (when near), then id. Text only restricts, it does not rank.
    /// </summary>
    Preference,
}

/// <summary>
/// One soft preference: a listing whose <see cref="Kind"/> field holds any of <see cref="AnyOf"/>
/// gains <see cref="Weight"/> in the preference score; one that does not is kept all the same.
/// </summary>
public sealed record Preference(PreferenceKind Kind, IReadOnlyList<string> AnyOf, float Weight);

/// <summary>What a <see cref="Preference"/> looks at; values as the filters of the same name take them.</summary>
public enum PreferenceKind
{
    /// <summary>Lifestyle tags.</summary>
    LifestyleTag,
    /// <summary>The orientation, as <c>Orientation.ToString()</c>.</summary>
    Orientation,
    /// <summary>Modality codes.</summary>
    Modality,
    /// <summary>Approach signals the listing shows (<see cref="ApproachSignals"/>).</summary>
    Approach,
}

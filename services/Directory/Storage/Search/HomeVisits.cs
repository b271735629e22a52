namespace HealingNetwork.Directory.Storage.Search;

/// <summary>What a near search does with listings whose home-visit area (service radius) covers its centre.</summary>
public enum HomeVisits
{
    /// <summary>They are hits wherever their locations are, beside those within the radius.</summary>
    Include,
    /// <summary>Only the radius counts (a narrower radius tried first, where nothing beyond it may enter).</summary>
    Exclude,
    /// <summary>They are the only hits: no radius match, no telehealth.</summary>
    Only,
}

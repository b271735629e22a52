namespace HealingNetwork.Directory.Domain;

/// <summary>Directory settings (configuration section "Directory").</summary>
public sealed class DirectoryOptions
{
    /// <summary>A listing not confirmed by its owner for this long is marked stale. Default 90 days.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Folder of the Lucene index (ignored with Elasticsearch).</summary>
    public string IndexPath { get; set; } = Path.Combine(".data", "directory-index");

    /// <summary>Synthetic listings to seed on first start in Development (0 = none).</summary>
    public int SeedListings { get; set; }
}

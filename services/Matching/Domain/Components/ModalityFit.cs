namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// Modality fit: 1 when the listing offers a sought modality (plus nothing for extra ones),
/// 0.4 when it only works alongside one (collaborates_with), 0 otherwise; 0.5 when the client
/// sought nothing in particular.
/// </summary>
public sealed class ModalityFit : IScoreComponent
{
    public string Name => "modality";

    public double Value(MatchContext c)
    {
        var sought = c.Profile.SoughtModalities;
        if (sought.Count == 0) return 0.5;
        if (Sets.Overlap(sought, c.Listing.Modalities)) return 1;
        return c.Listing.Approach is { } a && Sets.Overlap(sought, a.CollaboratesWith) ? 0.4 : 0;
    }

    public ComponentScore Evaluate(MatchContext c)
    {
        var sought = c.Profile.SoughtModalities;
        if (sought.Count == 0) return ComponentScore.Of(0.5, "no modality sought: neutral");
        var offered = sought.Intersect(c.Listing.Modalities, StringComparer.Ordinal).ToArray();
        if (offered.Length > 0)
            return ComponentScore.Of(1, $"offers {offered.Length} of {sought.Count} sought", $"Offers {string.Join(", ", offered)}, which you are looking for");
        var alongside = sought.Intersect(c.Listing.Approach?.CollaboratesWith ?? [], StringComparer.Ordinal).ToArray();
        if (alongside.Length > 0)
            return ComponentScore.Of(0.4, "works alongside a sought modality", $"Works alongside {string.Join(", ", alongside)}");
        return ComponentScore.Of(0, "offers none of the sought modalities");
    }
}

using HealingNetwork.Directory.V1;

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// Lifestyle fit = 0.5 × orientation compatibility + 0.5 × tag overlap, where
/// compatibility is 1 for the same orientation, 0.6 for neighbours (integrative next to either
/// side), 0.1 for nature-oriented vs conventional, 0.5 when the client has no preference; and
/// tag overlap = |client tags ∩ listing tags| / |client tags| (0.5 when the client gave none).
/// A listing whose approach puts lifestyle first adds 0.1 (capped at 1) for a client with tags.
/// </summary>
public sealed class LifestyleFit : IScoreComponent
{
    public string Name => "lifestyle";

    public double Value(MatchContext c) => Parts(c, Sets.SharedCount(c.Profile.LifestyleTags, c.Listing.LifestyleTags)).Value;

    public ComponentScore Evaluate(MatchContext c)
    {
        var wanted = c.Profile.Orientation;
        var offered = c.Listing.Orientation;
        var tags = c.Profile.LifestyleTags;
        var shared = tags.Intersect(c.Listing.LifestyleTags, StringComparer.Ordinal).ToArray();
        var p = Parts(c, shared.Length);

        var reasons = new List<string>();
        if (wanted != Orientation.Unspecified && wanted == offered) reasons.Add($"{Describe(offered)}, as you prefer");
        else if (p.Orientation <= 0.1) reasons.Add($"{Describe(offered)}, unlike your preference for {Describe(wanted).ToLowerInvariant()} care");
        if (shared.Length > 0) reasons.Add($"Supports your way of life: {string.Join(", ", shared)}");
        if (p.Focus > 0) reasons.Add("Puts lifestyle at the centre of care");
        var overlap = tags.Count == 0 ? "tag overlap 0.5 (you gave no lifestyle tags)" : $"tag overlap {shared.Length}/{tags.Count}";
        var capped = 0.5 * p.Orientation + 0.5 * p.Overlap + p.Focus > 1;
        return new ComponentScore(p.Value,
            $"orientation {p.Orientation:0.##} × 0.5 + {overlap} × 0.5{(p.Focus > 0 ? " + lifestyle focus 0.1" : "")}{(capped ? ", capped at 1" : "")}",
            reasons);
    }

    private static (double Value, double Orientation, double Overlap, double Focus) Parts(MatchContext c, int shared)
    {
        var orientation = Compatibility(c.Profile.Orientation, c.Listing.Orientation);
        var tags = c.Profile.LifestyleTags.Count;
        var overlap = tags == 0 ? 0.5 : (double)shared / tags;
        var focus = tags > 0 && c.Listing.Approach?.LifestyleFocus == true ? 0.1 : 0;
        return (Math.Min(1, 0.5 * orientation + 0.5 * overlap + focus), orientation, overlap, focus);
    }

    public static double Compatibility(Orientation wanted, Orientation offered) => (wanted, offered) switch
    {
        (Orientation.Unspecified, _) => 0.5,
        _ when wanted == offered => 1.0,
        (Orientation.NatureOriented, Orientation.Conventional) or (Orientation.Conventional, Orientation.NatureOriented) => 0.1,
        _ => 0.6,
    };

    public static string Describe(Orientation o) => o switch
    {
        Orientation.NatureOriented => "Nature-oriented",
        Orientation.Integrative => "Integrative",
        Orientation.Conventional => "Conventional",
        _ => "Unstated",
    };
}

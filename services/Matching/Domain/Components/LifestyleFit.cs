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

    public ComponentScore Evaluate(MatchContext c)
    {
        var wanted = c.Profile.Orientation;
        var offered = c.Listing.Orientation;
        var orientation = Compatibility(wanted, offered);
        var tags = c.Profile.LifestyleTags;
        var shared = tags.Intersect(c.Listing.LifestyleTags, StringComparer.Ordinal).ToArray();
        var overlap = tags.Count == 0 ? 0.5 : (double)shared.Length / tags.Count;
        var focus = tags.Count > 0 && c.Listing.Approach?.LifestyleFocus == true ? 0.1 : 0;
        var value = Math.Min(1, 0.5 * orientation + 0.5 * overlap + focus);

        var reasons = new List<string>();
        if (wanted != Orientation.Unspecified && wanted == offered) reasons.Add($"{Describe(offered)}, as you prefer");
        else if (orientation <= 0.1) reasons.Add($"{Describe(offered)}, unlike your preference for {Describe(wanted).ToLowerInvariant()} care");
        if (shared.Length > 0) reasons.Add($"Supports your way of life: {string.Join(", ", shared)}");
        if (focus > 0) reasons.Add("Puts lifestyle at the centre of care");
        return new ComponentScore(value,
            $"orientation {orientation:0.##} × 0.5 + tag overlap {shared.Length}/{tags.Count} × 0.5{(focus > 0 ? " + lifestyle focus 0.1" : "")}",
            reasons);
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

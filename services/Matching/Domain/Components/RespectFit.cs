namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// Respect for the client's way of life, for specialist referrals: 0.35 for shared decisions,
/// 0.35 for informing of options, 0.3 × the share of the client's care-team modalities the
/// specialist works alongside (0.15 when the care team is empty and the specialist collaborates
/// with anyone). A specialist need not share the lifestyle; they must respect it.
/// </summary>
public sealed class RespectFit : IScoreComponent
{
    public string Name => "respect";

    public ComponentScore Evaluate(MatchContext c)
    {
        var a = c.Listing.Approach ?? new Directory.V1.Approach();
        var reasons = new List<string>();
        var value = 0.0;
        if (a.SharedDecisions) { value += 0.35; reasons.Add("Shares decisions with you; the final choice stays yours"); }
        if (a.InformsOfOptions) { value += 0.35; reasons.Add("Informs you of all your options, including gentler ones"); }
        var team = c.CareTeamModalities;
        var alongside = team.Where(m => a.CollaboratesWith.Contains(m) || c.Listing.Modalities.Contains(m)).Order(StringComparer.Ordinal).ToArray();
        if (team.Count > 0)
        {
            value += 0.3 * alongside.Length / team.Count;
            if (alongside.Length > 0) reasons.Add($"Works alongside your care team ({string.Join(", ", alongside)})");
        }
        else if (a.CollaboratesWith.Count > 0)
        {
            value += 0.15;
            reasons.Add("Works alongside other healing partners");
        }
        return new ComponentScore(Math.Min(1, value), $"shared decisions, options, care-team collaboration {alongside.Length}/{team.Count}", reasons);
    }
}

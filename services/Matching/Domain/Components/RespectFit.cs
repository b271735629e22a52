using HealingNetwork.Directory.V1;

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// Respect for the client's way of life, for specialist referrals: 0.35 for shared decisions,
/// 0.35 for informing of options, 0.3 × the share of the client's care-team modalities the
/// specialist works alongside (0.15 when the care team is empty and the specialist collaborates
/// with anyone). A specialist need not share the lifestyle; they must respect it.
/// <para>
/// Working alongside a modality means the specialist names it in <c>Approach.collaborates_with</c>.
/// Offering the same modality as a care partner is not collaboration (a second cardiologist is not
/// working with the first). A partner's own listing saying it collaborates with the specialist's
/// modality does not count either: this component scores the specialist's respect, and only the
/// specialist's listing speaks for them.
/// </para>
/// </summary>
public sealed class RespectFit : IScoreComponent
{
    private static readonly Approach None = new();

    public string Name => "respect";

    public double Value(MatchContext c)
    {
        var alongside = 0;
        foreach (var m in c.CareTeamModalities)
        {
            if (WorksAlongside(c, m)) alongside++;
        }
        return Combine(c, alongside);
    }

    public ComponentScore Evaluate(MatchContext c)
    {
        var a = c.Listing.Approach ?? None;
        var team = c.CareTeamModalities;
        var alongside = team.Where(m => WorksAlongside(c, m)).Order(StringComparer.Ordinal).ToArray();
        var reasons = new List<string>();
        if (a.SharedDecisions) reasons.Add("Shares decisions with you; the final choice stays yours");
        if (a.InformsOfOptions) reasons.Add("Informs you of all your options, including gentler ones");
        if (team.Count > 0 && alongside.Length > 0) reasons.Add($"Works alongside your care team ({string.Join(", ", alongside)})");
        else if (team.Count == 0 && a.CollaboratesWith.Count > 0) reasons.Add("Works alongside other healing partners");
        return new ComponentScore(Combine(c, alongside.Length), $"shared decisions, options, care-team collaboration {alongside.Length}/{team.Count}", reasons);
    }

    private static bool WorksAlongside(MatchContext c, string modality) =>
        (c.Listing.Approach ?? None).CollaboratesWith.Contains(modality);

    private static double Combine(MatchContext c, int alongside)
    {
        var a = c.Listing.Approach ?? None;
        var team = c.CareTeamModalities.Count;
        var value = (a.SharedDecisions ? 0.35 : 0) + (a.InformsOfOptions ? 0.35 : 0);
        if (team > 0) value += 0.3 * alongside / team;
        else if (a.CollaboratesWith.Count > 0) value += 0.15;
        return Math.Min(1, value);
    }
}

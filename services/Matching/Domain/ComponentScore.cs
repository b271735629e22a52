namespace HealingNetwork.Matching.Domain;

/// <summary>A component's normalised value in [0,1], how it came about, and the reasons a client reads.</summary>
public sealed record ComponentScore(double Value, string Explanation, IReadOnlyList<string> Reasons)
{
    public static ComponentScore Of(double value, string explanation, params string[] reasons) =>
        new(Math.Clamp(value, 0, 1), explanation, reasons);
}

using System.Globalization;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Validation;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// Human-readable copies for HSDS's free-text columns (<c>fees_description</c>, <c>licenses</c>),
/// for people reading the export. Import reads the structured cost options and attributes instead.
/// </summary>
public static class HsdsText
{
    public static string? Fees(ExchangeTerms? terms)
    {
        if (terms is null) return null;
        var parts = new List<string>();
        if (terms.Currency.Length > 0 && (terms.FeeMin > 0 || terms.FeeMax > 0))
            parts.Add(terms.FeeMin == terms.FeeMax
                ? $"{Money(terms.FeeMin, terms.Currency)} per session"
                : $"{Money(terms.FeeMin, terms.Currency)} to {Money(terms.FeeMax, terms.Currency)} per session");
        if (terms.SlidingScaleMin > 0) parts.Add($"sliding scale from {Money(terms.SlidingScaleMin, terms.Currency)}");
        if (terms.BarterAccepted.Count > 0) parts.Add("barter or trade accepted: " + string.Join(", ", terms.BarterAccepted));
        if (terms.TimeBank) parts.Add("time-bank hours accepted");
        return parts.Count == 0 ? null : string.Join("; ", parts) + ".";
    }

    public static string? Licensure(Licensure? licensure) => licensure?.Kind switch
    {
        LicensureKind.StateLicensed => $"State-licensed {licensure.Credential} {licensure.LicenceNumber} ({licensure.Jurisdiction})".Replace("  ", " "),
        LicensureKind.Certified => $"Certified {licensure.Credential}".TrimEnd(),
        LicensureKind.Traditional => "Traditional practice, not state-licensed",
        _ => null,
    };

    private static string Money(long minor, string currency)
    {
        var digits = CurrencyAmounts.Digits(currency);
        return currency + " " + CurrencyAmounts.ToMajor(minor, currency).ToString("F" + digits, CultureInfo.InvariantCulture);
    }
}

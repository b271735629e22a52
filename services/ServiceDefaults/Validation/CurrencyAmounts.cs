namespace HealingNetwork.ServiceDefaults.Validation;

/// <summary>
/// Listings keep money in minor units; HSDS and FHIR write major units. ISO 4217 minor-unit
/// digits: 2 for most currencies, 0 or 3 for the few listed here.
/// </summary>
public static class CurrencyAmounts
{
    private static readonly HashSet<string> NoMinorUnit =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly HashSet<string> ThreeDigits = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    public static int Digits(string currency) =>
        NoMinorUnit.Contains(currency) ? 0 : ThreeDigits.Contains(currency) ? 3 : 2;

    public static decimal ToMajor(long minor, string currency) => minor / Scale(currency);

    /// <summary>False when the amount is negative, too large, or finer than the currency's minor unit.</summary>
    public static bool TryToMinor(decimal amount, string currency, out long minor)
    {
        minor = 0;
        var scaled = amount * Scale(currency);
        if (scaled < 0 || scaled > long.MaxValue || scaled != decimal.Truncate(scaled)) return false;
        minor = (long)scaled;
        return true;
    }

    private static decimal Scale(string currency) => Digits(currency) switch { 0 => 1m, 3 => 1000m, _ => 100m };
}

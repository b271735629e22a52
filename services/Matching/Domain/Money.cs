using System.Globalization;
using HealingNetwork.ServiceDefaults.Validation;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// Formats minor units for reasons ("$40", "€55.50", "¥5000", "CAD 40"), with the currency's own
/// minor-unit digits (a yen is its own minor unit). A symbol only where it names one currency.
/// </summary>
public static class Money
{
    public static string Format(long minorUnits, string currency)
    {
        var symbol = currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", "JPY" => "¥", _ => currency + " " };
        var amount = CurrencyAmounts.ToMajor(minorUnits, currency);
        var digits = amount == decimal.Truncate(amount) ? 0 : CurrencyAmounts.Digits(currency);
        return symbol + amount.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}

using System.Globalization;

namespace HealingNetwork.Matching.Domain;

/// <summary>Formats minor units for reasons ("$40", "€55.50").</summary>
public static class Money
{
    public static string Format(long minorUnits, string currency)
    {
        var symbol = currency switch { "USD" or "CAD" or "AUD" or "MXN" => "$", "EUR" => "€", "GBP" => "£", _ => currency + " " };
        var amount = minorUnits / 100m;
        return symbol + amount.ToString(amount == decimal.Truncate(amount) ? "0" : "0.00", CultureInfo.InvariantCulture);
    }
}

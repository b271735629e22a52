using HealingNetwork.Matching.Domain;

namespace HealingNetwork.Matching.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(4000L, "USD", "$40")]
    [InlineData(5550L, "EUR", "€55.50")]
    [InlineData(5000L, "JPY", "¥5000")]        // the yen is its own minor unit
    [InlineData(30000L, "KRW", "KRW 30000")]
    [InlineData(12345L, "KWD", "KWD 12.345")]  // three digits
    [InlineData(4000L, "CAD", "CAD 40")]       // "$" alone would read as US dollars
    [InlineData(0L, "GBP", "£0")]
    public void Amounts_are_written_in_the_currencys_own_units(long minorUnits, string currency, string written) =>
        Assert.Equal(written, Money.Format(minorUnits, currency));
}

using HealingNetwork.Directory.Domain.Availability;
using NodaTime;

namespace HealingNetwork.Availability.Tests.Domain;

public sealed class LocalClockTests
{
    [Theory]
    [InlineData("00:00", 0, 0)]
    [InlineData("09:30", 9, 30)]
    [InlineData("23:59", 23, 59)]
    public void A_wall_clock_time_parses_the_same_every_time(string text, int hour, int minute)
    {
        // The second parse is served from the cache of parsed times; both must be the time itself.
        Assert.Equal(new LocalTime(hour, minute), LocalClock.ParseTime(text));
        Assert.Equal(new LocalTime(hour, minute), LocalClock.ParseTime(text));
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("9:30")]
    [InlineData("09:60")]
    [InlineData("09:30:00")]
    [InlineData(" 09:30")]
    [InlineData("")]
    [InlineData("noon")]
    public void Anything_but_HH_mm_is_not_a_time_even_when_asked_twice(string text)
    {
        Assert.Null(LocalClock.ParseTime(text));
        Assert.Null(LocalClock.ParseTime(text));
    }

    [Fact]
    public void A_valid_time_does_not_make_a_near_miss_valid()
    {
        Assert.Equal(new LocalTime(8, 5), LocalClock.ParseTime("08:05"));
        Assert.Null(LocalClock.ParseTime("8:05"));
        Assert.Null(LocalClock.ParseTime("08:5"));
    }
}

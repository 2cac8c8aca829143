using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Tests.Wire;

public class GrpcTimeoutTests
{
    [Theory]
    [InlineData("2H", 2 * 3600 * 1000.0)]
    [InlineData("5M", 5 * 60 * 1000.0)]
    [InlineData("1S", 1000.0)]
    [InlineData("250m", 250.0)]
    [InlineData("1500u", 1.5)]
    [InlineData("99999999n", 99.999999)]
    [InlineData("00000007S", 7000.0)]
    public void TryParse_ValidValue_ReturnsTimeout(string value, double expectedMilliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(expectedMilliseconds, timeout.TotalMilliseconds, precision: 4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("1s")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData(" 1S")]
    public void TryParse_OutsideGrammar_ReturnsFalse(string value)
    {
        Assert.False(GrpcTimeout.TryParse(value, out _));
    }

    [Theory]
    [InlineData(0.0005, "500n")]
    [InlineData(250.0, "250000u")]
    [InlineData(1000.0, "1000000u")]
    [InlineData(120_000.0, "120000m")]
    [InlineData(300_000_000.0, "300000S")]
    public void Encode_PicksFinestUnitWithinEightDigits(double milliseconds, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Encode(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99_999_999_9)]
    [InlineData(123_456_789_012_345)]
    public void Encode_ThenParse_NeverShortensTheTimeout(long ticks)
    {
        var timeout = TimeSpan.FromTicks(ticks);

        var encoded = GrpcTimeout.Encode(timeout);

        Assert.InRange(encoded.Length, 2, 9);
        Assert.True(GrpcTimeout.TryParse(encoded, out var parsed));
        Assert.True(parsed >= timeout, $"{encoded} parsed to {parsed}, shorter than {timeout}");
    }

    [Fact]
    public void Encode_NonPositive_IsTheSmallestTimeout()
    {
        Assert.Equal("1n", GrpcTimeout.Encode(TimeSpan.Zero));
        Assert.Equal("1n", GrpcTimeout.Encode(TimeSpan.FromSeconds(-3)));
    }

    [Fact]
    public void Encode_BeyondEightDigitsOfHours_IsCapped()
    {
        Assert.Equal("99999999H", GrpcTimeout.Encode(TimeSpan.MaxValue));
    }
}

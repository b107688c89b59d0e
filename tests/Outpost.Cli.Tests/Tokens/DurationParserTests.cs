using Outpost.Cli.Tokens;

namespace Outpost.Cli.Tests.Tokens;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1_800)]
    [InlineData("24h", 86_400)]
    [InlineData("7d", 604_800)]
    [InlineData("7D", 604_800)]
    public void TryParse_NumberAndUnit_Parses(string text, long seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("24")]
    [InlineData("0h")]
    [InlineData("-1d")]
    [InlineData("1.5h")]
    [InlineData("1w")]
    [InlineData("99999999999d")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}

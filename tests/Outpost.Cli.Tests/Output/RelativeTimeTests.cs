using Outpost.Cli.Output;

namespace Outpost.Cli.Tests.Output;

public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = StubData.Now;

    [Theory]
    [InlineData(-12, "12s ago")]
    [InlineData(-59, "59s ago")]
    [InlineData(-60, "1m ago")]
    [InlineData(-3599, "59m ago")]
    [InlineData(-7200, "2h ago")]
    [InlineData(-86_399, "23h ago")]
    [InlineData(-3 * 86_400, "3d ago")]
    [InlineData(0, "just now")]
    [InlineData(90, "in 1m")]
    [InlineData(27 * 86_400, "in 27d")]
    public void Format_OffsetFromNow_UsesTheLargestWholeUnit(int seconds, string expected)
    {
        Assert.Equal(expected, RelativeTime.Format(Now.AddSeconds(seconds), Now));
    }

    [Fact]
    public void Format_Null_SaysNever()
    {
        Assert.Equal("never", RelativeTime.Format(null, Now));
    }

    [Fact]
    public void Timestamp_OtherOffset_IsShownInUtc()
    {
        Assert.Equal("2026-11-29 00:00:00Z", RelativeTime.Timestamp(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.FromHours(2))));
    }
}

using Outpost.Cli.Output;

namespace Outpost.Cli.Tests.Output;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1024L, "1.0 KiB")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(512L << 20, "512 MiB")]
    [InlineData(8L << 30, "8.0 GiB")]
    [InlineData(long.MaxValue, "8192 PiB")]
    public void Format_UsesBinaryUnits(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }

    [Fact]
    public void Percent_UnknownTotal_IsADash()
    {
        Assert.Equal("-", ByteSize.Percent(5, 0));
        Assert.Equal("75%", ByteSize.Percent(3, 4));
    }
}

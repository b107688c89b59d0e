using Outpost.Cli.Advise.Catalog;

namespace Outpost.Cli.Tests.Advise;

public sealed class CatalogTests
{
    [Fact]
    public void JetsonNano_HasNoInt8_Fp16Fastest()
    {
        var nano = CatalogStore.Default.Find("jetson-nano");
        Assert.NotNull(nano);
        Assert.False(nano.Supports("int8"));
        Assert.True(nano.Supports("fp16"));
        Assert.Equal("fp16", nano.FastestPrecision);
    }

    [Fact]
    public void EveryFigure_HasASourceAndSensibleValues()
    {
        Assert.NotEmpty(CatalogStore.Default.Devices);
        foreach (var d in CatalogStore.Default.Devices)
        {
            Assert.True(d.PriceUsd > 0, d.Id);
            Assert.True(d.PowerWatts > 0, d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.PriceSource), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.PowerSource), d.Id);
            Assert.Contains(d.FastestPrecision, d.Precisions);
            foreach (var t in d.Throughput)
            {
                Assert.True(t.Fps > 0, $"{d.Id}/{t.Model}");
                Assert.False(string.IsNullOrWhiteSpace(t.Source), $"{d.Id}/{t.Model}");
                Assert.True(d.Supports(t.Precision), $"{d.Id} lists a {t.Precision} figure it cannot run");
            }
        }
    }

    [Fact]
    public void CoralUsb_IsInt8Only()
    {
        var coral = CatalogStore.Default.Find("coral-usb")!;
        Assert.Equal(["int8"], coral.Precisions);
    }
}

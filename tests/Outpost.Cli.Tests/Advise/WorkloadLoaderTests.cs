using Outpost.Cli.Advise;
using Outpost.Cli.Advise.Catalog;
using Outpost.Cli.Advise.Loading;

namespace Outpost.Cli.Tests.Advise;

public sealed class WorkloadLoaderTests
{
    private const string Minimal = """
        latency:
          slaMs: 20
          network: { rttP50Ms: 18, rttP99Ms: 45 }
          cloudInferenceMs: 10
        device: { class: jetson-orin-nano, precision: int8, model: yolo }
        sites:
          - link: { uplinkMbps: 50 }
            sources:
              - { rawMbps: 4 }
        """;

    [Fact]
    public void Load_Minimal_AppliesDocumentedDefaults()
    {
        var r = WorkloadLoader.Load(Minimal, "w.yaml", CatalogStore.Default);
        var site = r.Workload.Sites[0];
        Assert.Equal(1, site.Count);
        Assert.Equal(24, site.Sources[0].HoursPerDay);
        Assert.Equal(99.9, site.Link.AvailabilityPercent);
        Assert.Equal(36, r.Workload.Analysis.HorizonMonths);
        Assert.Equal(249, r.DevicePriceUsd); // catalog price
        Assert.Equal(0.05, r.Prices.EgressPerGb); // default price
    }

    [Fact]
    public void Load_QuotedNumber_IsTextAndRejected()
    {
        var ex = Assert.Throws<AdviseInputException>(() =>
            WorkloadLoader.Load(Minimal.Replace("rawMbps: 4", "rawMbps: \"4\"", StringComparison.Ordinal), "w.yaml", CatalogStore.Default));
        Assert.Equal("sites[0].sources[0].rawMbps", ex.Field);
        Assert.StartsWith("wrong type, expected a number", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JsonDocument_IsAccepted()
    {
        const string json = """
            {"latency":{"slaMs":20,"network":{"rttP50Ms":18,"rttP99Ms":45},"cloudInferenceMs":10},
             "device":{"class":"jetson-orin-nano","precision":"int8","model":"yolo"},
             "sites":[{"link":{"uplinkMbps":50},"sources":[{"rawMbps":4}]}]}
            """;
        Assert.Equal(50, WorkloadLoader.Load(json, "w.json", CatalogStore.Default).Workload.Sites[0].Link.UplinkMbps);
    }

    [Fact]
    public void Load_P99BelowP50_Rejected()
    {
        var ex = Assert.Throws<AdviseInputException>(() =>
            WorkloadLoader.Load(Minimal.Replace("rttP99Ms: 45", "rttP99Ms: 10", StringComparison.Ordinal), "w.yaml", CatalogStore.Default));
        Assert.Equal("latency.network.rttP99Ms", ex.Field);
    }

    [Fact]
    public void Load_NoSites_Rejected()
    {
        var yaml = Minimal[..Minimal.IndexOf("sites:", StringComparison.Ordinal)];
        var ex = Assert.Throws<AdviseInputException>(() => WorkloadLoader.Load(yaml, "w.yaml", CatalogStore.Default));
        Assert.Equal("sites", ex.Field);
    }
}

using Outpost.Cli.Advise.Catalog;
using Outpost.Cli.Advise.Loading;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Tests.Advise;

/// <summary>
/// A baseline with round numbers so tests can compute expectations by hand:
/// 1 site, 10 custom devices at $500 / 10 W / 4 years, one 10 Mbps source 24 h/day (108 GB/day) reduced by 90%,
/// 10 inferences/s, 100 Mbps uplink at 99.95%, SLA 100 ms vs RTT p99 40 + cloud 20, every price explicit.
/// </summary>
internal static class TestWorkloads
{
    public static Workload Baseline() => new()
    {
        Name = "baseline",
        Latency = new LatencySpec
        {
            SlaMs = 100,
            Network = new NetworkSpec { RttP50Ms = 20, RttP99Ms = 40, JitterMs = 5 },
            CloudInferenceMs = 20,
            EdgeInferenceMs = 10,
        },
        Device = new DeviceSpec { Class = "custom", Precision = "int8", PriceUsd = 500, PowerWatts = 10, LifetimeYears = 4 },
        Sites =
        [
            new SiteSpec
            {
                Name = "plant",
                Count = 1,
                DevicesPerSite = 10,
                Sources = [new SourceSpec { Name = "sensor", Count = 1, RawMbps = 10, HoursPerDay = 24, EdgeReductionPercent = 90, InferencesPerSecond = 10 }],
                Link = new LinkSpec { UplinkMbps = 100, AvailabilityPercent = 99.95, LongestOutageHours = 0.5 },
            },
        ],
        Ops = new OpsSpec
        {
            Engineers = 2, AvailableHoursPerMonth = 40, Skills = ["linux", "networking"],
            EdgeHoursPerDevicePerMonth = 0.5, CloudHoursPerMonth = 8, EdgeSetupHours = 80,
        },
        Prices = new PriceOverrides
        {
            EgressPerGb = 0.05, IngestPerGb = 0, StoragePerGbMonth = 0.02, CloudComputePer1kInferences = 0.01,
            CellularPerGb = 2, OpsHourlyUsd = 100, PowerPerKwh = 0.20, EdgePlatformPerMonthUsd = 200,
        },
        Analysis = new AnalysisSpec { HorizonMonths = 36, SensitivityPercent = 25, RetentionDays = 30 },
    };

    public static ResolvedWorkload Resolve(Workload w)
    {
        WorkloadValidator.Validate(w);
        return WorkloadResolver.Resolve(w, CatalogStore.Default);
    }

    public static ResolvedWorkload Resolved(Func<Workload, Workload>? change = null) =>
        Resolve(change is null ? Baseline() : change(Baseline()));

    public static Workload WithSite(this Workload w, Func<SiteSpec, SiteSpec> change) =>
        w with { Sites = [change(w.Sites[0])] };

    public static Workload WithSource(this Workload w, Func<SourceSpec, SourceSpec> change) =>
        w.WithSite(s => s with { Sources = [change(s.Sources[0])] });

    public static Workload WithLink(this Workload w, Func<LinkSpec, LinkSpec> change) =>
        w.WithSite(s => s with { Link = change(s.Link) });
}

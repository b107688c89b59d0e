using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Tests.Advise;

public sealed class ClaimChecksTests
{
    // jetson-nano runs yolo at 25 FPS in FP16 (catalog) => 40 ms per inference.
    private static Workload Nano(Workload w) => w with
    {
        Device = new DeviceSpec { Class = "jetson-nano", Precision = "fp16", Model = "yolo", LifetimeYears = 4 },
        Latency = w.Latency with { EdgeInferenceMs = double.NaN },
    };

    [Theory]
    [InlineData(25, false)]
    [InlineData(30, true)]
    public void Check_InferencesPerDeviceVersusCatalogFps(double perSecond, bool warned)
    {
        var r = TestWorkloads.Resolved(w => Nano(w).WithSource(s => s with { InferencesPerSecond = perSecond }).WithSite(s => s with { DevicesPerSite = 1 }));
        var warnings = ClaimChecks.Check(r);
        Assert.Equal(warned, warnings.Any(x => x.StartsWith("Capacity at 'plant': each device must run", StringComparison.Ordinal)));
        Assert.Equal(40, r.EdgeInferenceMs, 6);
    }

    [Theory]
    [InlineData(19, true)]  // under half of 40 ms
    [InlineData(20, false)]
    public void Check_MeasuredLatencyFarBelowCatalog_Warns(double measured, bool warned)
    {
        var r = TestWorkloads.Resolved(w => Nano(w) with { Latency = Nano(w).Latency with { EdgeInferenceMs = measured } });
        Assert.Equal(warned, ClaimChecks.Check(r).Any(x => x.StartsWith("latency.edgeInferenceMs", StringComparison.Ordinal)));
    }

    [Fact]
    public void Check_Fp16OnInt8CapableDevice_SuggestsQuantizing()
    {
        var r = TestWorkloads.Resolved(w => w with { Device = new DeviceSpec { Class = "jetson-orin-nano", Precision = "fp16", Model = "yolo" }, Latency = w.Latency with { EdgeInferenceMs = double.NaN } });
        Assert.Contains(ClaimChecks.Check(r), x => x.Contains("runs INT8 faster than the chosen FP16", StringComparison.Ordinal));
    }
}

using Outpost.Protocol.Devices;
using Outpost.Sim.Devices;
using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Tests.Devices;

public sealed class SimUpdateEngineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);
    private static readonly SimInstallTimes Times = new()
    {
        Download = TimeSpan.FromSeconds(4), Verify = TimeSpan.FromSeconds(1), Installing = TimeSpan.FromSeconds(1), HealthCheck = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public void Healthy_WalksEveryStep_ThenCommitsKeepingTheOldReleaseAsPrevious()
    {
        var engine = new SimUpdateEngine(Times, new SimDeviceProfile(), "cam@1.0.0");

        engine.OnDesired("cam@2.0.0", T0);
        Assert.Equal((UpdateState.Downloading, 0), (engine.Report!.State, engine.Report.ProgressPercent!.Value));
        Assert.Equal(50, At(engine, 2).ProgressPercent);
        Assert.Equal(UpdateState.Verifying, At(engine, 4.5).State);
        Assert.Equal(UpdateState.Installing, At(engine, 5.5).State);
        Assert.Equal(UpdateState.HealthCheck, At(engine, 7).State);
        Assert.Equal("cam@1.0.0", engine.Current);

        var done = At(engine, 8);
        Assert.Equal((UpdateState.Committed, "cam@2.0.0"), (done.State, done.Release));
        Assert.Equal(("cam@2.0.0", "cam@1.0.0"), (engine.Current, engine.Previous));
    }

    [Fact]
    public void CrashOnRelease_RollsBackWithCrashLoop_StaysOnCurrent_AndDoesNotRetry()
    {
        var profile = new SimDeviceProfile();
        profile.CrashReleases.Add("cam@2.0.0");
        var engine = new SimUpdateEngine(Times, profile, "cam@1.0.0");

        engine.OnDesired("cam@2.0.0", T0);
        var report = At(engine, 8);

        Assert.Equal((UpdateState.RolledBack, UpdateFailureCause.CrashLoop), (report.State, report.Cause));
        Assert.Equal(("cam@1.0.0", (string?)null), (engine.Current, engine.Previous));
        engine.OnDesired("cam@2.0.0", T0.AddSeconds(30));
        Assert.Same(report, At(engine, 40));
    }

    [Fact]
    public void BackToKeptPrevious_SkipsDownloadAndVerify()
    {
        var engine = new SimUpdateEngine(Times, new SimDeviceProfile(), "cam@1.0.0");
        engine.OnDesired("cam@2.0.0", T0);
        At(engine, 8);

        engine.OnDesired("cam@1.0.0", T0.AddSeconds(10));

        Assert.Equal(UpdateState.Installing, engine.Report!.State);
        Assert.Equal(UpdateState.Committed, At(engine, 13).State);
        Assert.Equal(("cam@1.0.0", "cam@2.0.0"), (engine.Current, engine.Previous));
    }

    [Fact]
    public void DesiredBackToCurrent_AbandonsTheUpdateInProgress()
    {
        var engine = new SimUpdateEngine(Times, new SimDeviceProfile(), "cam@1.0.0");
        engine.OnDesired("cam@2.0.0", T0);

        engine.OnDesired("cam@1.0.0", T0.AddSeconds(1));
        At(engine, 60);

        Assert.Equal(("cam@1.0.0", (string?)null), (engine.Current, engine.Previous));
    }

    [Fact]
    public void NoDesiredRelease_ReportsNothing()
    {
        var engine = new SimUpdateEngine(Times, new SimDeviceProfile(), null);

        engine.OnDesired(null, T0);

        Assert.Null(engine.Report);
        Assert.Null(engine.Current);
    }

    private static UpdateReport At(SimUpdateEngine engine, double seconds)
    {
        engine.Advance(T0.AddSeconds(seconds));
        return engine.Report!;
    }
}

using System.Runtime.Versioning;
using Outpost.Sim.Scenarios;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>12 devices in 3 sites; site-03 is cut off 20 s after the start, so devices go offline and alerts fire.</summary>
[SupportedOSPlatform("linux")]
public sealed class DashboardPagesFleet : DashboardFleet
{
    public const string PartitionedSite = "site-03";

    public override int Devices => 12;

    protected override string Name => "pages";

    protected override string[] ServerArguments =>
    [
        "--Outpost:Devices:OfflineGrace=00:00:06", // offline after 10 s of silence: no flapping on a loaded machine
        "--Outpost:Alerts:EvaluationInterval=00:00:00.500",
        "--Outpost:Alerts:Rules:DeviceOffline:After=00:00:04",
    ];

    protected override SimScenario Scenario()
    {
        var scenario = Healthy(Devices, 3);
        scenario.Offline.Add(new SimOfflineWindow { Sites = [PartitionedSite], At = TimeSpan.FromSeconds(20), For = TimeSpan.FromHours(1) });
        return scenario;
    }
}

using System.Runtime.Versioning;
using Outpost.Sim.Scenarios;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>10 healthy devices in 2 sites, all on the old release: ready for a rollout.</summary>
[SupportedOSPlatform("linux")]
public sealed class DashboardRolloutFleet : DashboardFleet
{
    public override int Devices => 10;

    protected override string Name => "rollout";

    protected override SimScenario Scenario() => Healthy(Devices, 2);
}

namespace Outpost.Sim.Scenarios;

/// <summary>The simulated fleet and what happens to it; the file format is documented in docs/sim.md.</summary>
public sealed class SimScenario
{
    /// <summary>Device class every virtual device reports.</summary>
    public string DeviceClass { get; set; } = "sim";

    /// <summary>Release every device runs when the simulation starts (reported as its current release), or null.</summary>
    public string? InitialRelease { get; set; }

    /// <summary>Sites with their device counts and tags (tags and site go into each site's enrollment token).</summary>
    public List<SimSite> Sites { get; set; } = [];

    /// <summary>Per-device behaviours; a device takes every rule that selects it.</summary>
    public List<SimBehaviour> Behaviours { get; set; } = [];

    /// <summary>Windows in which whole sites are unreachable (partition) or switched off.</summary>
    public List<SimOfflineWindow> Offline { get; set; } = [];

    /// <summary>How long each simulated update step takes.</summary>
    public SimInstallTimes Install { get; set; } = new();

    /// <summary>Workload metrics every device uploads on the Metrics channel: name → value of a healthy device.</summary>
    public Dictionary<string, double> Metrics { get; set; } = [];

    /// <summary>How often a device uploads its metrics (one aggregate per metric per upload).</summary>
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Number of devices over all sites.</summary>
    public int TotalDevices => Sites.Sum(s => s.Devices);

    /// <summary><paramref name="devices"/> healthy devices spread evenly over <paramref name="sites"/> sites named site-01, site-02, …</summary>
    public static SimScenario Uniform(int devices, int sites)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(devices, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        var scenario = new SimScenario();
        for (var i = 0; i < sites; i++)
        {
            var count = (devices / sites) + (i < devices % sites ? 1 : 0);
            if (count > 0)
            {
                scenario.Sites.Add(new SimSite { Name = $"site-{i + 1:D2}", Devices = count });
            }
        }

        return scenario;
    }
}

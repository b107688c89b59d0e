using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Devices;

/// <summary>What the scenario's behaviour rules made of one device.</summary>
internal sealed class SimDeviceProfile
{
    public HashSet<string> CrashReleases { get; } = new(StringComparer.Ordinal);

    public List<SimMetricRegression> Regressions { get; } = [];

    public TimeSpan Latency { get; set; }

    public bool CrashesOn(string release) => CrashReleases.Contains(release);

    /// <summary>
    /// Profiles of the whole fleet, <paramref name="sites"/> giving each device's site in scenario order. A rule selects
    /// an evenly spread, deterministic <see cref="SimBehaviour.Fraction"/> of the devices it matches: the k-th matching
    /// device is selected when the running share crosses a whole number at k, so 20 % of 1,000 is exactly 200, every
    /// fifth device, spread over all sites.
    /// </summary>
    public static SimDeviceProfile[] ForFleet(SimScenario scenario, IReadOnlyList<string> sites)
    {
        var profiles = sites.Select(_ => new SimDeviceProfile()).ToArray();
        foreach (var rule in scenario.Behaviours)
        {
            var matched = 0;
            for (var i = 0; i < sites.Count; i++)
            {
                if (rule.Sites.Count > 0 && !rule.Sites.Contains(sites[i]))
                {
                    continue;
                }

                var k = matched++;
                if (Math.Floor((k + 1) * rule.Fraction) > Math.Floor(k * rule.Fraction))
                {
                    profiles[i].Apply(rule);
                }
            }
        }

        return profiles;
    }

    private void Apply(SimBehaviour rule)
    {
        if (rule.CrashOn is { } release)
        {
            CrashReleases.Add(release);
        }

        if (rule.MetricRegression is { } regression)
        {
            Regressions.Add(regression);
        }

        Latency += rule.Latency ?? TimeSpan.Zero;
    }
}

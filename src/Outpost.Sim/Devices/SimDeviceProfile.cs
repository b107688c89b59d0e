using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Devices;

/// <summary>What the scenario's behaviour rules made of one device.</summary>
internal sealed class SimDeviceProfile
{
    public HashSet<string> CrashReleases { get; } = new(StringComparer.Ordinal);

    public List<SimMetricRegression> Regressions { get; } = [];

    public TimeSpan Latency { get; set; }

    public bool CrashesOn(string release) => CrashReleases.Contains(release);

    /// <summary>Applies every rule that selects device <paramref name="index"/> (0-based within its site) of <paramref name="site"/>.</summary>
    public static SimDeviceProfile For(SimScenario scenario, string site, int index, int siteDevices)
    {
        var profile = new SimDeviceProfile();
        for (var r = 0; r < scenario.Behaviours.Count; r++)
        {
            var rule = scenario.Behaviours[r];
            if ((rule.Sites.Count > 0 && !rule.Sites.Contains(site)) || !Selected(index, siteDevices, rule.Fraction, r))
            {
                continue;
            }

            if (rule.CrashOn is { } release)
            {
                profile.CrashReleases.Add(release);
            }

            if (rule.MetricRegression is { } regression)
            {
                profile.Regressions.Add(regression);
            }

            profile.Latency += rule.Latency ?? TimeSpan.Zero;
        }

        return profile;
    }

    // Evenly spread and deterministic: device i is selected when the fraction "crosses an integer" at i, so a fraction
    // f of any contiguous run of devices is selected (±1), and rule r shifts the pattern so rules do not all pick the
    // same devices.
    private static bool Selected(int index, int count, double fraction, int rule)
    {
        if (fraction >= 1)
        {
            return true;
        }

        var shifted = (index + (rule * 7)) % Math.Max(1, count);
        return Math.Floor((shifted + 1) * fraction) > Math.Floor(shifted * fraction);
    }
}

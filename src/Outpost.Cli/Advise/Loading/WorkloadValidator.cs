using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Loading;

/// <summary>Structural and range checks; the first problem found is thrown with its field path.</summary>
internal static class WorkloadValidator
{
    public static readonly IReadOnlyList<string> KnownSkills = ["linux", "networking", "containers", "embedded", "ml"];

    public static void Validate(Workload w)
    {
        var l = w.Latency;
        Require.Above(l.SlaMs, 0, "latency.slaMs");
        Require.AtLeast(l.Network.RttP50Ms, 0, "latency.network.rttP50Ms");
        Require.AtLeast(l.Network.RttP99Ms, 0, "latency.network.rttP99Ms");
        if (l.Network.RttP99Ms < l.Network.RttP50Ms)
        {
            throw new AdviseInputException("latency.network.rttP99Ms", $"must be >= rttP50Ms ({l.Network.RttP50Ms} ms)");
        }

        Require.AtLeast(l.Network.JitterMs, 0, "latency.network.jitterMs");
        Require.AtLeast(l.CloudInferenceMs, 0, "latency.cloudInferenceMs");
        if (!double.IsNaN(l.EdgeInferenceMs))
        {
            Require.Above(l.EdgeInferenceMs, 0, "latency.edgeInferenceMs");
        }

        if (string.IsNullOrWhiteSpace(w.Device.Class))
        {
            throw new AdviseInputException("device.class", "required (a catalog id such as jetson-orin-nano, or 'custom')");
        }

        Require.Above(w.Device.LifetimeYears, 0, "device.lifetimeYears");
        Require.Optional(w.Device.PriceUsd, 0, "device.priceUsd");
        Require.Optional(w.Device.PowerWatts, 0, "device.powerWatts");

        if (w.Sites.Count == 0)
        {
            throw new AdviseInputException("sites", "at least one site is required");
        }

        for (var i = 0; i < w.Sites.Count; i++)
        {
            ValidateSite(w.Sites[i], $"sites[{i}]");
        }

        Require.AtLeast(w.Offline.MaxOutageHours, 0, "offline.maxOutageHours");
        ValidateOps(w.Ops);
        Require.Optional(w.Budget.UpfrontUsd, 0, "budget.upfrontUsd");
        ValidatePrices(w.Prices);
        Require.Between(w.Analysis.HorizonMonths, 1, 120, "analysis.horizonMonths");
        Require.Between(w.Analysis.SensitivityPercent, 1, 90, "analysis.sensitivityPercent");
        Require.AtLeast(w.Analysis.RetentionDays, 0, "analysis.retentionDays");
    }

    private static void ValidateSite(SiteSpec site, string path)
    {
        Require.AtLeast(site.Count, 1, $"{path}.count");
        Require.AtLeast(site.DevicesPerSite, 1, $"{path}.devicesPerSite");
        for (var j = 0; j < site.Sources.Count; j++)
        {
            var s = site.Sources[j];
            var sp = $"{path}.sources[{j}]";
            Require.AtLeast(s.Count, 1, $"{sp}.count");
            Require.AtLeast(s.RawMbps, 0, $"{sp}.rawMbps");
            Require.Between(s.HoursPerDay, 0, 24, $"{sp}.hoursPerDay");
            Require.Between(s.EdgeReductionPercent, 0, 100, $"{sp}.edgeReductionPercent");
            Require.AtLeast(s.InferencesPerSecond, 0, $"{sp}.inferencesPerSecond");
        }

        Require.Above(site.Link.UplinkMbps, 0, $"{path}.link.uplinkMbps");
        Require.Between(site.Link.AvailabilityPercent, 0, 100, $"{path}.link.availabilityPercent");
        Require.AtLeast(site.Link.OutagesPerMonth, 0, $"{path}.link.outagesPerMonth");
        Require.AtLeast(site.Link.LongestOutageHours, 0, $"{path}.link.longestOutageHours");
    }

    private static void ValidateOps(OpsSpec ops)
    {
        Require.AtLeast(ops.Engineers, 0, "ops.engineers");
        Require.AtLeast(ops.AvailableHoursPerMonth, 0, "ops.availableHoursPerMonth");
        Require.AtLeast(ops.EdgeHoursPerDevicePerMonth, 0, "ops.edgeHoursPerDevicePerMonth");
        Require.AtLeast(ops.CloudHoursPerMonth, 0, "ops.cloudHoursPerMonth");
        Require.AtLeast(ops.EdgeSetupHours, 0, "ops.edgeSetupHours");
        for (var i = 0; i < ops.Skills.Count; i++)
        {
            if (!KnownSkills.Contains(ops.Skills[i]))
            {
                throw new AdviseInputException($"ops.skills[{i}]", $"unknown skill '{ops.Skills[i]}' (known: {string.Join(", ", KnownSkills)})");
            }
        }
    }

    private static void ValidatePrices(PriceOverrides p)
    {
        Require.Optional(p.EgressPerGb, 0, "prices.egressPerGb");
        Require.Optional(p.IngestPerGb, 0, "prices.ingestPerGb");
        Require.Optional(p.StoragePerGbMonth, 0, "prices.storagePerGbMonth");
        Require.Optional(p.CloudComputePer1kInferences, 0, "prices.cloudComputePer1kInferences");
        Require.Optional(p.CellularPerGb, 0, "prices.cellularPerGb");
        Require.Optional(p.OpsHourlyUsd, 0, "prices.opsHourlyUsd");
        Require.Optional(p.PowerPerKwh, 0, "prices.powerPerKwh");
        Require.Optional(p.EdgePlatformPerMonthUsd, 0, "prices.edgePlatformPerMonthUsd");
    }
}

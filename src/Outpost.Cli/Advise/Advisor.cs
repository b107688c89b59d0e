using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Model;
using Outpost.Cli.Advise.Sensitivity;

namespace Outpost.Cli.Advise;

/// <summary>Resolved workload → the full report (base assessment plus sensitivity).</summary>
internal static class Advisor
{
    public static AdviceReport Advise(ResolvedWorkload r)
    {
        var a = Assessor.Assess(r);
        var w = r.Workload;
        var o = w.Prices;
        var defaulted = new (string Name, object? Value)[]
        {
            ("egressPerGb", o.EgressPerGb), ("ingestPerGb", o.IngestPerGb), ("storagePerGbMonth", o.StoragePerGbMonth),
            ("cloudComputePer1kInferences", o.CloudComputePer1kInferences), ("cellularPerGb", o.CellularPerGb),
            ("opsHourlyUsd", o.OpsHourlyUsd), ("powerPerKwh", o.PowerPerKwh), ("edgePlatformPerMonthUsd", o.EdgePlatformPerMonthUsd),
        }.Where(x => x.Value is null).Select(x => x.Name).ToList();

        return new AdviceReport
        {
            Workload = w.Name,
            Description = w.Description,
            Device = new DeviceSummary
            {
                Class = w.Device.Class!,
                Name = r.DeviceName,
                Precision = w.Device.Precision,
                Model = w.Device.Model,
                EdgeInferenceMs = r.EdgeInferenceMs,
                EdgeInferenceSource = r.EdgeInferenceSource,
                PriceUsd = r.DevicePriceUsd,
                PowerWatts = r.DevicePowerWatts,
            },
            Sites = r.TotalSites,
            Devices = r.TotalDevices,
            Recommendation = a.Recommendation,
            Triggers = a.Triggers,
            AntiSignals = a.AntiSignals,
            Tco = a.Tco,
            EgressSaving = a.EgressSaving,
            Sensitivity = SensitivityAnalyzer.Analyze(r, a),
            Prices = r.Prices,
            DefaultedPrices = defaulted,
            Warnings = ClaimChecks.Check(r),
        };
    }
}

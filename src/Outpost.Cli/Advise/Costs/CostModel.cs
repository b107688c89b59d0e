using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Costs;

/// <summary>
/// Total cost of ownership of running the workload at the edge versus in the cloud. Costs both options share
/// (sensors, cameras, the application itself) are left out: only the difference decides.
/// </summary>
internal static class CostModel
{
    public static TcoResult Compute(ResolvedWorkload r)
    {
        var w = r.Workload;
        var p = r.Prices;
        var h = w.Analysis.HorizonMonths;
        var devices = r.TotalDevices;
        var retentionMonths = w.Analysis.RetentionDays / Traffic.DaysPerMonth;

        var hardwareUnit = devices * r.DevicePriceUsd;
        var lifetimeMonths = Math.Max(1, (int)Math.Round(w.Device.LifetimeYears * 12));
        var purchases = 1 + ((h - 1) / lifetimeMonths); // bought at month 0, replaced at each end of life inside the horizon
        var setup = w.Ops.EdgeSetupHours * p.OpsHourlyUsd;
        var platform = p.EdgePlatformPerMonthUsd;
        var edgeOps = devices * w.Ops.EdgeHoursPerDevicePerMonth * p.OpsHourlyUsd;
        var cloudOps = w.Ops.CloudHoursPerMonth * p.OpsHourlyUsd;
        var edgeTransfer = w.Sites.Sum(s => Traffic.ReducedGbPerMonth(s) * p.TransferPerGb(s.Link));
        var cloudTransfer = w.Sites.Sum(s => Traffic.RawGbPerMonth(s) * p.TransferPerGb(s.Link));
        var edgeStorage = w.Sites.Sum(Traffic.ReducedGbPerMonth) * retentionMonths * p.StoragePerGbMonth;
        var cloudStorage = w.Sites.Sum(Traffic.RawGbPerMonth) * retentionMonths * p.StoragePerGbMonth;
        var cloudCompute = w.Sites.Sum(Traffic.InferencesPerMonth) / 1000 * p.CloudComputePer1kInferences;
        var power = devices * r.DevicePowerWatts * Traffic.HoursPerMonth / 1000 * p.PowerPerKwh;

        var edgeMonthly = platform + edgeOps + edgeTransfer + edgeStorage + power;
        var cloudMonthly = cloudOps + cloudTransfer + cloudStorage + cloudCompute;
        var edgeCum = new double[h + 1];
        var cloudCum = new double[h + 1];
        edgeCum[0] = hardwareUnit + setup;
        for (var m = 1; m <= h; m++)
        {
            var replacement = m < h && m % lifetimeMonths == 0 ? hardwareUnit : 0;
            edgeCum[m] = edgeCum[m - 1] + edgeMonthly + replacement;
            cloudCum[m] = cloudCum[m - 1] + cloudMonthly;
        }

        int? breakEven = Enumerable.Range(0, h + 1).Cast<int?>().FirstOrDefault(m => edgeCum[m!.Value] <= cloudCum[m.Value]);
        var lines = new List<CostLine>
        {
            Line("Hardware", hardwareUnit * purchases, 0, $"{devices} devices x {Fmt.Usd(r.DevicePriceUsd)}, bought {purchases} time(s) ({Fmt.N(w.Device.LifetimeYears)}-year lifetime)"),
            Line("OTA and observability infrastructure", setup + (platform * h), 0, $"setup {Fmt.N(w.Ops.EdgeSetupHours)} h x {Fmt.Usd(p.OpsHourlyUsd)}/h + platform {Fmt.Usd(platform)}/month"),
            Line("Ops time", edgeOps * h, cloudOps * h, $"edge: {devices} devices x {Fmt.N(w.Ops.EdgeHoursPerDevicePerMonth)} h/month; cloud: {Fmt.N(w.Ops.CloudHoursPerMonth)} h/month; at {Fmt.Usd(p.OpsHourlyUsd)}/h"),
            Line("Bandwidth and egress", edgeTransfer * h, cloudTransfer * h, $"edge sends {Fmt.Gb(w.Sites.Sum(Traffic.ReducedGbPerMonth))}/month, cloud {Fmt.Gb(w.Sites.Sum(Traffic.RawGbPerMonth))}/month, at the site's transfer price"),
            Line("Cloud storage", edgeStorage * h, cloudStorage * h, $"{Fmt.N(w.Analysis.RetentionDays)} days retained at {Fmt.Price(p.StoragePerGbMonth)}/GB-month"),
            Line("Cloud compute", 0, cloudCompute * h, $"{Fmt.N(w.Sites.Sum(Traffic.InferencesPerMonth) / 1e6)} M inferences/month at {Fmt.Price(p.CloudComputePer1kInferences)} per 1k"),
            Line("Power", power * h, 0, $"{devices} devices x {Fmt.N(r.DevicePowerWatts)} W at {Fmt.Price(p.PowerPerKwh)}/kWh"),
        };

        return new TcoResult
        {
            HorizonMonths = h,
            Lines = lines,
            EdgeTotalUsd = edgeCum[h],
            CloudTotalUsd = cloudCum[h],
            BreakEvenMonth = breakEven,
            CumulativeEdgeUsd = edgeCum,
            CumulativeCloudUsd = cloudCum,
            Explanation = Explain(edgeCum[h], cloudCum[h], h, breakEven),
        };
    }

    private static CostLine Line(string category, double edge, double cloud, string basis) =>
        new() { Category = category, EdgeUsd = edge, CloudUsd = cloud, Basis = basis };

    private static string Explain(double edge, double cloud, int h, int? breakEven) => breakEven switch
    {
        0 => $"Edge is cheaper from day one: {Fmt.Usd(edge)} vs {Fmt.Usd(cloud)} over {h} months.",
        { } m => $"Edge breaks even in month {m}: {Fmt.Usd(edge)} vs {Fmt.Usd(cloud)} for the cloud over {h} months.",
        null => $"Edge does not break even within {h} months: {Fmt.Usd(edge)} vs {Fmt.Usd(cloud)} for the cloud.",
    };
}

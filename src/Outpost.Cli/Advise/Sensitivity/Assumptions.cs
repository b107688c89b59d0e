using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Sensitivity;

/// <summary>The assumptions the sensitivity analysis varies. Percentages scale the share that is not 100%
/// (kept data, link downtime) so a factor never pushes them past their range.</summary>
internal static class Assumptions
{
    public static IReadOnlyList<Assumption> All { get; } =
    [
        new("transfer price (egress/cellular $/GB)", "$/GB", r => r.Prices.EgressPerGb,
            (r, f) => r with { Prices = r.Prices with { EgressPerGb = r.Prices.EgressPerGb * f, CellularPerGb = r.Prices.CellularPerGb * f, IngestPerGb = r.Prices.IngestPerGb * f } }),
        new("raw data rate", "Mbps (first source)", r => FirstSource(r)?.RawMbps ?? 0,
            (r, f) => MapSources(r, s => s with { RawMbps = s.RawMbps * f })),
        new("data kept after edge reduction", "% (first source)", r => 100 - (FirstSource(r)?.EdgeReductionPercent ?? 0),
            (r, f) => MapSources(r, s => s with { EdgeReductionPercent = Math.Clamp(100 - ((100 - s.EdgeReductionPercent) * f), 0, 100) })),
        new("device price", "$", r => r.DevicePriceUsd, (r, f) => r with { DevicePriceUsd = r.DevicePriceUsd * f }),
        new("ops hourly cost", "$/h", r => r.Prices.OpsHourlyUsd, (r, f) => r with { Prices = r.Prices with { OpsHourlyUsd = r.Prices.OpsHourlyUsd * f } }),
        new("edge ops hours per device", "h/month", r => r.Workload.Ops.EdgeHoursPerDevicePerMonth,
            (r, f) => With(r, r.Workload with { Ops = r.Workload.Ops with { EdgeHoursPerDevicePerMonth = r.Workload.Ops.EdgeHoursPerDevicePerMonth * f } })),
        new("cloud compute price", "$ per 1k inferences", r => r.Prices.CloudComputePer1kInferences,
            (r, f) => r with { Prices = r.Prices with { CloudComputePer1kInferences = r.Prices.CloudComputePer1kInferences * f } }),
        new("network RTT p99", "ms", r => r.Workload.Latency.Network.RttP99Ms,
            (r, f) => With(r, r.Workload with { Latency = r.Workload.Latency with { Network = r.Workload.Latency.Network with { RttP99Ms = r.Workload.Latency.Network.RttP99Ms * f } } })),
        new("cloud inference time", "ms", r => r.Workload.Latency.CloudInferenceMs,
            (r, f) => With(r, r.Workload with { Latency = r.Workload.Latency with { CloudInferenceMs = r.Workload.Latency.CloudInferenceMs * f } })),
        new("latency SLA", "ms", r => r.Workload.Latency.SlaMs,
            (r, f) => With(r, r.Workload with { Latency = r.Workload.Latency with { SlaMs = r.Workload.Latency.SlaMs * f } })),
        new("link downtime", "% unavailable (first site)", r => 100 - r.Workload.Sites[0].Link.AvailabilityPercent,
            (r, f) => With(r, r.Workload with { Sites = r.Workload.Sites.Select(s => s with { Link = s.Link with { AvailabilityPercent = Math.Clamp(100 - ((100 - s.Link.AvailabilityPercent) * f), 0, 100) } }).ToList() })),
    ];

    private static SourceSpec? FirstSource(ResolvedWorkload r) => r.Workload.Sites.SelectMany(s => s.Sources).FirstOrDefault();

    private static ResolvedWorkload With(ResolvedWorkload r, Workload w) => r with { Workload = w };

    private static ResolvedWorkload MapSources(ResolvedWorkload r, Func<SourceSpec, SourceSpec> map) =>
        With(r, r.Workload with { Sites = r.Workload.Sites.Select(s => s with { Sources = s.Sources.Select(map).ToList() }).ToList() });
}

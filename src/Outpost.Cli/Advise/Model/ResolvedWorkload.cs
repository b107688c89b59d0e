using Outpost.Cli.Advise.Catalog;
using Outpost.Cli.Advise.Costs;

namespace Outpost.Cli.Advise.Model;

/// <summary>A validated workload with catalog figures and price defaults filled in: what every evaluator reads.</summary>
internal sealed record ResolvedWorkload
{
    public required Workload Workload { get; init; }

    /// <summary>Null for <c>device.class: custom</c>.</summary>
    public DeviceClass? DeviceClass { get; init; }

    public required double EdgeInferenceMs { get; init; }
    public required string EdgeInferenceSource { get; init; }
    public required double DevicePriceUsd { get; init; }
    public required double DevicePowerWatts { get; init; }
    public required PriceBook Prices { get; init; }

    public int TotalSites => Workload.Sites.Sum(s => s.Count);
    public int TotalDevices => Workload.Sites.Sum(s => s.Count * s.DevicesPerSite);
    public string DeviceName => DeviceClass?.Name ?? "custom device";
}

using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Costs;

/// <summary>
/// Prices in USD. The defaults are public list-price orders of magnitude (docs/advise/README.md#prices says
/// where each comes from); they exist so a first run produces numbers, and every real decision must override them.
/// </summary>
internal sealed record PriceBook
{
    public static PriceBook Defaults { get; } = new();

    /// <summary>Per GB moved off the site to the cloud over a wired link (transit, colo or other-cloud egress).</summary>
    public double EgressPerGb { get; init; } = 0.05;

    public double IngestPerGb { get; init; }
    public double StoragePerGbMonth { get; init; } = 0.023;
    public double CloudComputePer1kInferences { get; init; } = 0.002;
    public double CellularPerGb { get; init; } = 2.0;
    public double OpsHourlyUsd { get; init; } = 75;
    public double PowerPerKwh { get; init; } = 0.15;

    /// <summary>Hosting the OTA/observability control plane (server, storage, monitoring) for the fleet.</summary>
    public double EdgePlatformPerMonthUsd { get; init; } = 200;

    public static PriceBook From(PriceOverrides o) => new()
    {
        EgressPerGb = o.EgressPerGb ?? Defaults.EgressPerGb,
        IngestPerGb = o.IngestPerGb ?? Defaults.IngestPerGb,
        StoragePerGbMonth = o.StoragePerGbMonth ?? Defaults.StoragePerGbMonth,
        CloudComputePer1kInferences = o.CloudComputePer1kInferences ?? Defaults.CloudComputePer1kInferences,
        CellularPerGb = o.CellularPerGb ?? Defaults.CellularPerGb,
        OpsHourlyUsd = o.OpsHourlyUsd ?? Defaults.OpsHourlyUsd,
        PowerPerKwh = o.PowerPerKwh ?? Defaults.PowerPerKwh,
        EdgePlatformPerMonthUsd = o.EdgePlatformPerMonthUsd ?? Defaults.EdgePlatformPerMonthUsd,
    };

    /// <summary>What one GB costs to move from a site with this link into the cloud.</summary>
    public double TransferPerGb(LinkSpec link) => (link.Cellular ? CellularPerGb : EgressPerGb) + IngestPerGb;
}

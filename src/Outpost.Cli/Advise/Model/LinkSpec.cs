namespace Outpost.Cli.Advise.Model;

/// <summary>The site's uplink to the cloud.</summary>
internal sealed record LinkSpec
{
    public double UplinkMbps { get; set; } = double.NaN;
    public double AvailabilityPercent { get; set; } = 99.9;
    public double OutagesPerMonth { get; set; }
    public double LongestOutageHours { get; set; }

    /// <summary>Metered cellular link: transfer is priced at <c>prices.cellularPerGb</c>.</summary>
    public bool Cellular { get; set; }
}

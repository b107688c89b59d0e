namespace Outpost.Cli.Advise.Model;

/// <summary>One kind of data source at a site (a camera, a LiDAR, a vibration sensor...).</summary>
internal sealed record SourceSpec
{
    public string Name { get; set; } = "source";
    public int Count { get; set; } = 1;
    public double RawMbps { get; set; } = double.NaN;
    public double HoursPerDay { get; set; } = 24;

    /// <summary>Share of the raw volume the edge device no longer sends (aggregation, anomaly-only).</summary>
    public double EdgeReductionPercent { get; set; }

    /// <summary>Decisions per second this source needs (e.g. 30 for 30 FPS video).</summary>
    public double InferencesPerSecond { get; set; }

    public string? DataClass { get; set; }
}

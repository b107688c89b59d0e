namespace Outpost.Cli.Advise.Model;

internal sealed record DeviceSpec
{
    /// <summary>Catalog id, e.g. <c>jetson-orin-nano</c>.</summary>
    public string? Class { get; set; }

    /// <summary><c>int8</c>, <c>fp16</c> or <c>fp32</c>; checked against the catalog.</summary>
    public string Precision { get; set; } = "fp16";

    /// <summary>Reference model family in the catalog: <c>resnet50</c>, <c>yolo</c>, <c>mobilenet</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Overrides the catalog price.</summary>
    public double? PriceUsd { get; set; }

    public double? PowerWatts { get; set; }
    public double LifetimeYears { get; set; } = 4;
}

namespace Outpost.Server.Dashboard.Views;

/// <summary>How a chart writes its values.</summary>
public enum ChartUnit
{
    Percent,
    Bytes,
    BytesPerSecond,
    Celsius,
}

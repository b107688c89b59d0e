namespace Outpost.Cli.Advise.Model;

internal sealed record LatencySpec
{
    /// <summary>Deadline for one decision, sensor to actuation.</summary>
    public double SlaMs { get; set; } = double.NaN;
    public NetworkSpec Network { get; set; } = new();
    public double CloudInferenceMs { get; set; } = double.NaN;

    /// <summary>Optional: when absent it is derived from the device catalog (1000 / FPS).</summary>
    public double EdgeInferenceMs { get; set; } = double.NaN;
}

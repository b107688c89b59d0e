using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>
/// Plausibility of the workload's claims against the catalog that are worth a warning, not a refusal:
/// a device loaded beyond its catalog throughput, a measured latency far better than the catalog's, a slower precision.
/// </summary>
internal static class ClaimChecks
{
    public static IReadOnlyList<string> Check(ResolvedWorkload r)
    {
        var warnings = new List<string>();
        var device = r.DeviceClass;
        var w = r.Workload;
        if (device is null || string.IsNullOrWhiteSpace(w.Device.Model))
        {
            return warnings;
        }

        var figure = device.FigureFor(w.Device.Model, w.Device.Precision);
        if (figure is not null)
        {
            foreach (var site in w.Sites)
            {
                var perDevice = site.Sources.Sum(s => s.Count * s.InferencesPerSecond) / site.DevicesPerSite;
                if (perDevice > figure.Fps)
                {
                    warnings.Add($"Capacity at '{site.Name}': each device must run {Fmt.N(perDevice)} inferences/s, but the catalog gives the {device.Name} {Fmt.N(figure.Fps)} FPS for {figure.Model} {figure.Precision.ToUpperInvariant()}: plan {Math.Ceiling(perDevice * site.DevicesPerSite / figure.Fps)} devices per site or a bigger class.");
                }
            }

            var catalogMs = 1000 / figure.Fps;
            if (!double.IsNaN(w.Latency.EdgeInferenceMs) && w.Latency.EdgeInferenceMs < catalogMs / 2)
            {
                warnings.Add($"latency.edgeInferenceMs {Fmt.Ms(w.Latency.EdgeInferenceMs)} is under half the catalog's {Fmt.Ms(catalogMs)} for {figure.Model} {figure.Precision.ToUpperInvariant()} on the {device.Name}: check the measurement (batch size, input resolution, pre/post-processing).");
            }
        }

        if (!string.Equals(w.Device.Precision, device.FastestPrecision, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"The {device.Name} runs {device.FastestPrecision.ToUpperInvariant()} faster than the chosen {w.Device.Precision.ToUpperInvariant()}; validate a quantized model before buying a bigger device.");
        }

        return warnings;
    }
}

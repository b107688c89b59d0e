using System.Globalization;
using Outpost.Cli.Advise.Catalog;
using Outpost.Cli.Advise.Costs;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Loading;

/// <summary>Checks the workload's claims against the device catalog and fills in catalog figures and price defaults.</summary>
internal static class WorkloadResolver
{
    public const string Custom = "custom";
    private static readonly string[] Precisions = ["int8", "fp16", "fp32"];

    public static ResolvedWorkload Resolve(Workload w, DeviceCatalog catalog)
    {
        var d = w.Device;
        if (!Precisions.Contains(d.Precision))
        {
            throw new AdviseInputException("device.precision", $"must be one of {string.Join(", ", Precisions)} (got '{d.Precision}')");
        }

        var isCustom = string.Equals(d.Class, Custom, StringComparison.OrdinalIgnoreCase);
        var device = isCustom ? null : catalog.Find(d.Class!)
            ?? throw new AdviseInputException("device.class",
                $"unknown device class '{d.Class}' (known: {string.Join(", ", catalog.Devices.Select(x => x.Id))}, or 'custom' with priceUsd, powerWatts and latency.edgeInferenceMs)");

        if (device is not null && !device.Supports(d.Precision))
        {
            throw new AdviseInputException("device.precision",
                $"the {device.Name} ({device.Accelerator}) does not support {d.Precision.ToUpperInvariant()}; its fastest mode is {device.FastestPrecision.ToUpperInvariant()}. {device.Notes}".TrimEnd());
        }

        var price = d.PriceUsd ?? device?.PriceUsd
            ?? throw new AdviseInputException("device.priceUsd", "required for a custom device class (there is no default price)");
        var power = d.PowerWatts ?? device?.PowerWatts
            ?? throw new AdviseInputException("device.powerWatts", "required for a custom device class (there is no default power draw)");
        var (edgeMs, edgeSource) = EdgeInference(w, device);

        if (w.Latency.SlaMs < edgeMs)
        {
            throw new AdviseInputException("latency.slaMs",
                $"{F(w.Latency.SlaMs)} ms is below the edge inference time of {F(edgeMs)} ms ({edgeSource}): neither the edge nor the cloud can meet it");
        }

        return new ResolvedWorkload
        {
            Workload = w,
            DeviceClass = device,
            EdgeInferenceMs = edgeMs,
            EdgeInferenceSource = edgeSource,
            DevicePriceUsd = price,
            DevicePowerWatts = power,
            Prices = PriceBook.From(w.Prices),
        };
    }

    private static (double Ms, string Source) EdgeInference(Workload w, DeviceClass? device)
    {
        if (!double.IsNaN(w.Latency.EdgeInferenceMs))
        {
            return (w.Latency.EdgeInferenceMs, "measured, from the workload file");
        }

        if (device is null)
        {
            throw new AdviseInputException("latency.edgeInferenceMs", "required for a custom device class (the catalog cannot derive it)");
        }

        if (string.IsNullOrWhiteSpace(w.Device.Model))
        {
            throw new AdviseInputException("latency.edgeInferenceMs", "required unless device.model names a catalog reference model (resnet50, yolo, mobilenet)");
        }

        var figure = device.FigureFor(w.Device.Model, w.Device.Precision)
            ?? throw new AdviseInputException("device.model",
                $"the catalog has no {w.Device.Model} {w.Device.Precision} figure for {device.Id}; set latency.edgeInferenceMs from a measurement");
        return (1000.0 / figure.Fps, $"catalog: {device.Id} {figure.Model} {figure.Precision} {F(figure.Fps)} FPS; {figure.Source}");
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}

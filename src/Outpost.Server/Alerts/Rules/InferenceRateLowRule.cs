using Microsoft.Extensions.Options;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Alerts.Rules;

/// <summary>
/// The workload's inference rate (mean of the metric over the window) is below the minimum of the release the device
/// runs. Devices that reported no sample in the window are not judged here (device-offline covers silence).
/// </summary>
internal sealed class InferenceRateLowRule(IOptions<AlertsOptions> options, IWorkloadMetricsReader metrics) : IAlertRule
{
    private InferenceRateLowRuleOptions Rule => options.Value.Rules.InferenceRateLow;

    public string Name => "inference-rate-low";

    public string AlertName => "OutpostInferenceRateLow";

    public string Severity => "warning";

    public AlertRuleOptions Options => Rule;

    public async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var judged = context.Devices
            .Select(d => (Device: d, Minimum: d.CurrentRelease is { } release ? MinimumFor(release) : null))
            .Where(x => x.Minimum is not null)
            .ToList();
        if (judged.Count == 0)
        {
            return [];
        }

        var means = await metrics.MeanByDeviceAsync(
            Rule.Metric, [.. judged.Select(x => x.Device.Id)], context.Now - Rule.Window, context.Now, cancellationToken);
        var conditions = new List<AlertCondition>();
        foreach (var (device, minimum) in judged)
        {
            if (means.TryGetValue(device.Id, out var mean) && mean < minimum)
            {
                var labels = AlertCondition.DeviceLabels(device);
                labels["release"] = device.CurrentRelease!;
                conditions.Add(new AlertCondition(
                    device.Id, labels,
                    $"{Rule.Metric} on {device.Name} is {AlertText.Number(mean)}, below {AlertText.Number(minimum.Value)} for {device.CurrentRelease}",
                    $"Mean over the last {AlertText.Ago(Rule.Window)}."));
            }
        }

        return conditions;
    }

    /// <summary>The exact NAME@VERSION entry, else the NAME entry, else the default.</summary>
    internal double? MinimumFor(string release)
    {
        if (Rule.Minimums.TryGetValue(release, out var exact))
        {
            return exact;
        }

        var at = release.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && Rule.Minimums.TryGetValue(release[..at], out var byName) ? byName : Rule.DefaultMinimum;
    }
}

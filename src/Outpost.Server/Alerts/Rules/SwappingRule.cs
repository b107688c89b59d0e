using Microsoft.Extensions.Options;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Alerts.Rules;

/// <summary>
/// The device swaps: swap-in plus swap-out pages per second, averaged over the window, above the threshold; or the
/// latest snapshot's used swap above its share. Either one is the system layer failing before the workload does.
/// </summary>
internal sealed class SwappingRule(IOptions<AlertsOptions> options, IWorkloadMetricsReader metrics) : IAlertRule
{
    public const string SwapInMetric = "system_swap_in_pages_per_second";
    public const string SwapOutMetric = "system_swap_out_pages_per_second";

    private SwappingRuleOptions Rule => options.Value.Rules.Swapping;

    public string Name => "swapping";

    public string AlertName => "OutpostSwapping";

    public string Severity => "warning";

    public AlertRuleOptions Options => Rule;

    public async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var ids = context.Devices.Select(d => d.Id).ToList();
        var from = context.Now - Rule.Window;
        var swapIn = await metrics.MeanByDeviceAsync(SwapInMetric, ids, from, context.Now, cancellationToken);
        var swapOut = await metrics.MeanByDeviceAsync(SwapOutMetric, ids, from, context.Now, cancellationToken);
        var conditions = new List<AlertCondition>();
        foreach (var device in context.Devices)
        {
            var hasRate = swapIn.TryGetValue(device.Id, out var pagesIn) | swapOut.TryGetValue(device.Id, out var pagesOut);
            var rate = pagesIn + pagesOut;
            var usedRatio = device.System is { SwapTotalBytes: > 0 } s ? (double)(s.SwapTotalBytes - s.SwapFreeBytes) / s.SwapTotalBytes : 0;
            var swapping = hasRate && rate > Rule.PagesPerSecond;
            var full = usedRatio > Rule.SwapUsedRatio;
            if (swapping || full)
            {
                var rateText = hasRate ? $"{AlertText.Number(rate)} pages/s swapped over {AlertText.Ago(Rule.Window)}" : "no swap rate reported";
                conditions.Add(new AlertCondition(
                    device.Id, AlertCondition.DeviceLabels(device),
                    $"{device.Name} is swapping: {rateText}, swap {AlertText.Percent(usedRatio)} used",
                    $"Thresholds: {AlertText.Number(Rule.PagesPerSecond)} pages/s, {AlertText.Percent(Rule.SwapUsedRatio)} swap used."));
            }
        }

        return conditions;
    }
}
